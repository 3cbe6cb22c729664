// Builds public/i18n/<lang>.json for every interface language: the message catalogue from
// locales/<lang>.json, checked against English, plus country and region names from CLDR
// (cldr-localenames-full in tools/node_modules). Usage, from the repository root:
//   node scripts/gen-i18n.mjs
// Output is deterministic: re-running on the same inputs writes identical bytes.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const requireTool = createRequire(new URL('../tools/package.json', import.meta.url));

// The languages and M49 areas, shared with the Rust core (tests/locales.rs checks it agrees).
const SHARED = JSON.parse(readFileSync(new URL('locales/languages.json', root), 'utf8'));
const LANGUAGES = SHARED.languages.map((l) => l.tag);
const RTL = new Set(SHARED.languages.filter((l) => l.rtl).map((l) => l.tag));
// `zh` is Simplified Chinese: CLDR's likely subtags expand it to zh-Hans-CN and
// cldr-localenames-full 48.2.0 ships identical territory names for `zh` and `zh-Hans` (checked
// below, so a future CLDR that changed this fails loudly).
const CLDR_LOCALE = Object.fromEntries(SHARED.languages.map((l) => [l.tag, l.cldr]));
const PLURAL_CATEGORIES = Object.fromEntries(SHARED.languages.map((l) => [l.tag, l.plurals]));
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

// The placeholder whose number picks the plural form; `count` unless listed here. In the
// `zero`, `one` and `two` forms a translation may leave this placeholder out when the words
// say the number ("عضو واحد", "حكومتان"); every other placeholder must appear in every form.
const PLURAL_SELECTOR = { shown: 'total' };
const NUMBER_IN_WORDS = new Set(['zero', 'one', 'two']);

// UN M49 sub-regions by the official English name editors write in members.json, and the
// regions the directory groups members by.
const AREAS = SHARED.areas;
const REGIONS = Object.values(SHARED.regions).sort();

// Two-letter codes that are not places: groupings, the "unknown" region and pseudo-locales.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);

// Codes whose CLDR `-alt-short` name reads better in a directory than the default:
// "Hong Kong" rather than "Hong Kong SAR China", "Macao" rather than "Macao SAR China",
// "Palestine" rather than "Palestinian Territories", "Myanmar" rather than "Myanmar (Burma)"
// (English only has that one). Other short forms are abbreviations ("US", "UK", "É.-U.") or
// lose part of the name ("Bosnia" for Bosnia & Herzegovina), so the default is kept for them.
const PREFER_SHORT = new Set(['HK', 'MO', 'PS', 'MM']);

const errors = [];
const fail = (message) => errors.push(message);

function readJson(url) {
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    console.error(`gen-i18n: cannot read ${url.pathname}: ${err.message}`);
    process.exit(1);
  }
}

function territories(locale) {
  const file = requireTool.resolve(`cldr-localenames-full/main/${locale}/territories.json`);
  return JSON.parse(readFileSync(file, 'utf8')).main[locale].localeDisplayNames.territories;
}

function placeholders(text) {
  return new Set([...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]));
}

const isPlural = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (set) => [...set].sort().map((p) => `{${p}}`).join(', ') || 'none';

// Checks one string: braces balanced and only well-formed placeholders.
function checkBraces(where, text) {
  const stripped = text.replace(/\{[a-z][a-z0-9-]*\}/g, '');
  if (/[{}]/.test(stripped)) fail(`${where}: stray brace or malformed placeholder in "${text}"`);
}

const english = readJson(new URL('locales/en.json', root));
const englishKeys = Object.keys(english);

// The placeholders each English message uses (all forms together for plural messages).
const englishPlaceholders = {};
for (const key of englishKeys) {
  const value = english[key];
  const texts = isPlural(value) ? Object.values(value) : [value];
  englishPlaceholders[key] = new Set(texts.flatMap((t) => [...placeholders(t)]));
  if (isPlural(value)) {
    const selector = PLURAL_SELECTOR[key] ?? 'count';
    if (!englishPlaceholders[key].has(selector)) {
      fail(`locales/en.json: plural message "${key}" has no {${selector}} to choose its form by` +
        ' (name the placeholder in PLURAL_SELECTOR in scripts/gen-i18n.mjs)');
    }
  }
}

function checkCatalogue(lang, messages) {
  const file = `locales/${lang}.json`;
  for (const key of englishKeys) {
    if (!(key in messages)) fail(`${file}: missing key "${key}"`);
  }
  for (const key of Object.keys(messages)) {
    if (!(key in english)) fail(`${file}: extra key "${key}" (not in locales/en.json)`);
  }
  for (const key of englishKeys) {
    if (!(key in messages)) continue;
    const value = messages[key];
    const expected = englishPlaceholders[key];
    if (isPlural(english[key])) {
      if (!isPlural(value)) {
        fail(`${file}: "${key}" must be an object of plural forms, as in English`);
        continue;
      }
      const selector = PLURAL_SELECTOR[key] ?? 'count';
      const required = PLURAL_CATEGORIES[lang];
      for (const category of required) {
        if (!(category in value)) fail(`${file}: "${key}" lacks the plural form "${category}"`);
      }
      for (const [category, text] of Object.entries(value)) {
        const where = `${file}: "${key}".${category}`;
        if (!required.includes(category)) {
          fail(`${where}: ${lang} has no plural form "${category}" (it uses ${required.join(', ')})`);
          continue;
        }
        if (typeof text !== 'string') {
          fail(`${where}: must be a string`);
          continue;
        }
        checkBraces(where, text);
        const found = placeholders(text);
        const mayOmit = NUMBER_IN_WORDS.has(category) ? new Set([selector]) : new Set();
        const unknown = [...found].filter((p) => !expected.has(p));
        const missing = [...expected].filter((p) => !found.has(p) && !mayOmit.has(p));
        if (unknown.length || missing.length) {
          fail(`${where}: placeholders ${listOf(found)} differ from English ${listOf(expected)}`);
        }
      }
    } else {
      if (typeof value !== 'string') {
        fail(`${file}: "${key}" must be a string, as in English`);
        continue;
      }
      checkBraces(`${file}: "${key}"`, value);
      const found = placeholders(value);
      if (found.size !== expected.size || [...found].some((p) => !expected.has(p))) {
        fail(`${file}: "${key}": placeholders ${listOf(found)} differ from English ${listOf(expected)}`);
      }
    }
  }
}

// Messages in English key order; plural forms in CLDR category order.
function orderedMessages(messages) {
  return englishKeys.map((key) => {
    const value = messages[key];
    if (!isPlural(value)) return [key, value];
    return [key, CATEGORY_ORDER.filter((c) => c in value).map((c) => [c, value[c]])];
  });
}

function countryNames(names) {
  const codes = Object.keys(names)
    .filter((code) => /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code))
    .sort();
  return codes.map((code) => {
    const short = names[`${code}-alt-short`];
    return [code, PREFER_SHORT.has(code) && short ? short : names[code]];
  });
}

// JSON for [key, value] entry lists, keeping their order: a plain object would move
// integer-like keys such as "142" ahead of "002".
function compact(value) {
  if (Array.isArray(value)) {
    return `{${value.map(([k, v]) => `${JSON.stringify(k)}:${compact(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// zh must be Simplified Chinese.
const likely = requireTool('cldr-core/supplemental/likelySubtags.json').supplemental.likelySubtags;
if (!/^zh-Hans(-|$)/.test(likely.zh ?? '')) {
  fail(`CLDR no longer maps zh to Simplified Chinese (likely subtags: zh → ${likely.zh})`);
} else if (JSON.stringify(territories('zh')) !== JSON.stringify(territories('zh-Hans'))) {
  fail('CLDR territory names for zh and zh-Hans differ: choose the Simplified ones in CLDR_LOCALE');
}

// The alliance's official translation of the page text, if it has supplied one for `lang`
// (never machine-translated). English lives in src/page_text.rs.
function pageText(lang) {
  const url = new URL(`locales/page-text.${lang}.json`, root);
  if (lang === 'en' || !existsSync(url)) return null;
  const page = readJson(url);
  const file = `locales/page-text.${lang}.json`;
  const text = (v) => typeof v === 'string' && v.trim() !== '';
  if (!text(page.heading) || !text(page.lede)) fail(`${file}: "heading" and "lede" must be non-empty strings`);
  if (!Array.isArray(page.paragraphs) || page.paragraphs.length === 0 || !page.paragraphs.every(text)) {
    fail(`${file}: "paragraphs" must be a list of non-empty strings`);
  }
  if (!page.quote || !text(page.quote.text) || !text(page.quote.speaker) || !text(page.quote.role)) {
    fail(`${file}: "quote" needs "text", "speaker" and "role"`);
  }
  if (page.title !== undefined && !text(page.title)) fail(`${file}: "title", when given, must be a non-empty string`);
  const known = new Set(['title', 'heading', 'lede', 'paragraphs', 'quote']);
  for (const key of Object.keys(page)) if (!known.has(key)) fail(`${file}: unknown field "${key}"`);
  return page;
}

const memberAreas = new Set(
  readJson(new URL('public/members.json', root)).members.map((m) => m.intermediateRegion || m.subRegion).filter(Boolean),
);
const memberCodes = [...new Set(readJson(new URL('public/members.json', root)).members.map((m) => m.code))];
const outputs = [];

for (const lang of LANGUAGES) {
  const messages = lang === 'en' ? english : readJson(new URL(`locales/${lang}.json`, root));
  checkCatalogue(lang, messages);
  const names = territories(CLDR_LOCALE[lang]);
  const countries = countryNames(names);
  const known = new Set(countries.map(([code]) => code));
  for (const code of [...memberCodes, 'XK']) {
    if (!known.has(code)) fail(`CLDR ${CLDR_LOCALE[lang]}: no name for member code "${code}"`);
  }
  const regions = REGIONS.map((code) => [code, names[code]]);
  for (const [code, name] of regions) {
    if (!name) fail(`CLDR ${CLDR_LOCALE[lang]}: no name for region ${code}`);
  }
  const areas = Object.entries(AREAS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([english, code]) => [english, names[code]]);
  for (const [english, name] of areas) {
    if (!name) fail(`CLDR ${CLDR_LOCALE[lang]}: no name for area "${english}" (${AREAS[english]})`);
  }
  for (const area of memberAreas) {
    if (!(area in AREAS)) fail(`public/members.json: area "${area}" is not a UN M49 sub-region name known to AREAS`);
  }
  const page = pageText(lang);
  const body = compact([
    ['lang', lang],
    ['dir', RTL.has(lang) ? 'rtl' : 'ltr'],
    ['messages', orderedMessages(messages)],
    ['countries', countries],
    ['regions', regions],
    ['areas', areas],
    ...(page ? [['page', page]] : []),
  ]) + '\n';
  outputs.push({ lang, body, countries: countries.length });
}

if (errors.length) {
  console.error(`gen-i18n: ${errors.length} problem(s), nothing written:`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}

const outDir = new URL('public/i18n/', root);
mkdirSync(outDir, { recursive: true });
for (const { lang, body, countries } of outputs) {
  writeFileSync(new URL(`${lang}.json`, outDir), body);
  console.log(`public/i18n/${lang}.json: ${countries} countries, ${Buffer.byteLength(body)} bytes`);
}
