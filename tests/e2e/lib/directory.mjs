// What a visitor does with the directory, in WebDriver terms: wait for it, read it, use it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shipped member list, as the tests' source of expected values. */
export const MEMBERS = JSON.parse(readFileSync(path.join(projectRoot, 'public/members.json'), 'utf8')).members;

/** An interface catalogue, `locales/<lang>.json`, as the tests' source of expected words. */
export const catalogue = (lang) => JSON.parse(readFileSync(path.join(projectRoot, 'locales', `${lang}.json`), 'utf8'));

/** Applies the print stylesheet on screen (no engine emulates print media through WebDriver) and
 * lets the app prepare the page as the browser's print command would. */
export const emulatePrint = (session) => session.exec(() => {
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (rule.media && /^print$/i.test(rule.media.mediaText.trim())) rule.media.mediaText = 'all';
    }
  }
  window.dispatchEvent(new Event('beforeprint'));
});

export const codesIn = (region) => MEMBERS.filter((m) => !region || m.region === region).map((m) => m.code).sort();

/**
 * Waits until the app has taken over and shows its region filter. The build-time HTML has the
 * same radios inside a disabled fieldset, so only enabled ones mean the app is running.
 */
export async function waitForDirectory(session, { timeout = 20_000 } = {}) {
  await session.waitFor(
    // The app marks the placeholder once it has taken over the build-time markup.
    () => session.exec(() => document.querySelector('[data-member-directory][data-ready]') !== null),
    { timeout, message: 'the app to take over the directory' },
  );
}

/** Codes of the members a visitor can see, sorted. */
export const visibleCodes = (session) =>
  session.exec(() =>
    [...document.querySelectorAll('[data-member-directory] li[data-code]')]
      .filter((li) => li.getClientRects().length > 0)
      .map((li) => li.dataset.code)
      .sort());

/** Visible member names, in the order shown. */
export const visibleNames = (session) =>
  session.exec(() =>
    [...document.querySelectorAll('[data-member-directory] li[data-code]')]
      .filter((li) => li.getClientRects().length > 0)
      .map((li) => li.querySelector('.member__name').textContent));

/** The live status line. */
export const statusText = async (session) => (await session.find('[data-member-directory] [role=status]')).text();

/** The alert's words as a visitor reads them before opening its technical details (WebKit's
 * element text would include a closed disclosure's content). */
export const alertReading = (session) => session.exec(() => {
  const shown = document.querySelector('[data-member-directory] [role=alert]').cloneNode(true);
  for (const details of shown.querySelectorAll('details')) details.replaceChildren(details.querySelector('summary'));
  return shown.textContent;
});

/** The radio button whose label starts with `name` ("Africa", "All"). */
export async function regionControl(session, name) {
  const labels = await session.findAll('[data-member-directory] .region-filter label');
  for (const label of labels) {
    if ((await label.text()).trim().startsWith(name)) return label;
  }
  throw new Error(`no region control labelled ${name}`);
}

export async function chooseRegion(session, name) {
  await (await regionControl(session, name)).click();
}

/** The search box, found by its label as a visitor would. */
export async function searchBox(session) {
  const label = await session.findByText('Search by country name', { tag: 'label' });
  return session.find(`#${await label.attr('for')}`);
}

export async function search(session, text) {
  const box = await searchBox(session);
  await box.clear();
  if (text) await box.sendKeys(text);
}

// ---------------------------------------------------------------- keyboard and focus

/**
 * What has focus and whether a sighted keyboard user can see it: `lost` when focus fell back to
 * the body, `visible` when the element (for the invisible radio inputs, their chip face) draws
 * a non-transparent outline.
 */
export const focusInfo = (session) =>
  session.exec(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
      return { lost: true, visible: false, describe: el ? el.tagName.toLowerCase() : 'nothing', outline: '' };
    }
    const ring = el.matches('.chip__input') ? el.parentElement.querySelector('.chip__face') ?? el : el;
    const style = getComputedStyle(ring);
    const transparent = style.outlineColor === 'transparent' || /^rgba\(.*,\s*0\)$/.test(style.outlineColor);
    const label = (el.labels?.[0] ?? el).textContent.replace(/\s+/g, ' ').trim();
    return {
      lost: false,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent,
      describe: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class').trim().split(/\s+/).join('.')}` : ''} "${label.slice(0, 40)}"`,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    };
  });

/** Presses Tab until the focused element matches `css`; returns focusInfo for every stop on the way. */
export async function tabTo(session, css, { max = 25 } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await session.keys('Tab');
    stops.push(await focusInfo(session));
    if (await session.exec((sel) => document.activeElement?.matches(sel) ?? false, css)) return stops;
  }
  throw new Error(`${max} presses of Tab never reached ${css}; focus went ${stops.map((s) => s.describe).join(' → ')}`);
}

/** The region radio that is checked, by its value ("all", "africa"). */
export const checkedRegion = (session) =>
  session.exec(() => document.querySelector('[data-member-directory] input[type=radio]:checked')?.value ?? null);

// ---------------------------------------------------------------- map and languages

/**
 * Scrolls the map into view, as a visitor would (it loads only when about to be seen), and
 * waits until it has arrived and its members are marked.
 */
export async function waitForMap(session, { timeout = 20_000 } = {}) {
  await session.waitFor(
    () => session.exec(() => {
      const map = document.querySelector('[data-member-directory] .world-map');
      map?.scrollIntoView({ block: 'center' });
      return map !== null;
    }),
    { timeout, message: 'the map frame' },
  );
  await session.waitFor(
    () => session.exec(() => {
      const map = document.querySelector('[data-member-directory] .world-map');
      return map?.dataset.state === 'shown' && map.querySelector('svg [data-member]') !== null;
    }),
    { timeout, message: 'the world map to load' },
  );
}

/** Sorted member codes of the map's focusable member shapes matching `css` (e.g. "[data-match=true]"). */
export const mapCodes = (session, css = '') =>
  session.exec((extra) =>
    [...document.querySelectorAll(`[data-member-directory] .world-map svg [data-target]${extra}`)]
      .map((el) => el.dataset.code)
      .sort(), css);

/** The generated language file for `lang`, as the tests' source of expected names. */
export const LOCALE_FILES = Object.fromEntries(['en', 'fr', 'es', 'ru', 'ar', 'zh'].map((lang) => [
  lang,
  JSON.parse(readFileSync(path.join(projectRoot, `public/i18n/${lang}.json`), 'utf8')),
]));

/** The member names in `lang`, sorted as that language's readers expect. */
export const namesSortedIn = (lang) => {
  const { countries } = LOCALE_FILES[lang];
  return MEMBERS.map((m) => countries[m.code]).sort(new Intl.Collator(lang === 'zh' ? 'zh-Hans' : lang).compare);
};

/** Waits until the page's <html lang> is `lang` and the directory has taken over. */
export async function waitForLanguage(session, lang, { timeout = 20_000 } = {}) {
  await waitForDirectory(session, { timeout });
  await session.waitFor(
    () => session.exec((want) => document.querySelector('[data-member-directory] .directory')?.lang === want, lang),
    { timeout, message: `the directory to be in ${lang}` },
  );
}
