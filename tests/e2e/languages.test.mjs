// Six languages: the interface in the visitor's language, CLDR names sorted the local way, right
// to left for Arabic, and the alliance's own text kept in English.
import path from 'node:path';
import { deepEqual, equal, eventually, match, ok } from './lib/assert.mjs';
import { formatViolations, wcagViolations } from './lib/axe.mjs';
import {
  LOCALE_FILES, chooseRegion, codesIn, namesSortedIn, statusText, visibleCodes, visibleNames,
  waitForDirectory, waitForLanguage,
} from './lib/directory.mjs';

const nameOf = (session, code) =>
  session.exec((c) => document.querySelector(`[data-member-directory] li[data-code="${c}"] .member__name`)?.textContent, code);

const legendText = (session) =>
  session.exec(() => document.querySelector('[data-member-directory] legend')?.textContent.trim());

export const tests = [
  {
    name: '?lang=fr shows French interface strings and CLDR names in French collation order',
    async run({ session, origin }) {
      await session.get(`${origin}/?lang=fr`);
      await waitForLanguage(session, 'fr');
      equal(await session.exec(() => document.documentElement.lang), 'fr');
      equal(await legendText(session), 'Région');
      equal(await statusText(session), '103 sur 103 membres');
      equal(await nameOf(session, 'DE'), 'Allemagne');
      deepEqual(await visibleNames(session), namesSortedIn('fr'));
      // "Égypte"-style initials sort with their base letter, not after "Z".
      const names = await visibleNames(session);
      ok(names.indexOf('États-Unis') < names.indexOf('Éthiopie') && names.indexOf('Éthiopie') < names.indexOf('Fidji'),
        `French order: ${names.join(', ')}`);
      equal(await session.exec(() => document.querySelector('#members-heading').textContent), 'Nos gouvernements membres');
      await eventually(async () => match(await session.exec(() => location.search), /lang=fr/));
    },
  },
  {
    name: 'French search finds members by French and by English name, accents ignored',
    async run({ session, origin }) {
      await session.get(`${origin}/?lang=fr&q=allem`);
      await waitForLanguage(session, 'fr');
      await eventually(async () => deepEqual(await visibleCodes(session), ['DE']));
      await session.get(`${origin}/?lang=fr&q=germany`);
      await waitForLanguage(session, 'fr');
      await eventually(async () => deepEqual(await visibleCodes(session), ['DE']));
      await session.get(`${origin}/?lang=fr&q=ETATS`);
      await waitForLanguage(session, 'fr');
      await eventually(async () => deepEqual(await visibleCodes(session), ['US']));
    },
  },
  {
    name: '?lang=ar sets dir="rtl", shows Arabic names and mirrors the layout',
    async run({ session, origin, artefacts }) {
      await session.get(`${origin}/?lang=ar`);
      await waitForLanguage(session, 'ar');
      equal(await session.exec(() => document.documentElement.dir), 'rtl');
      equal(await session.exec(() => document.documentElement.lang), 'ar');
      equal(await nameOf(session, 'DE'), LOCALE_FILES.ar.countries.DE);
      equal(await legendText(session), LOCALE_FILES.ar.messages['region-legend']);
      const layout = await session.exec(() => {
        const chips = [...document.querySelectorAll('[data-member-directory] .chip')].map((c) => c.getBoundingClientRect());
        const member = document.querySelector('[data-member-directory] li.member');
        const style = getComputedStyle(member);
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('#members-heading'));
        const heading = range.getBoundingClientRect();
        const wrap = document.querySelector('#members .wrap').getBoundingClientRect();
        return {
          firstChipRight: chips[0].right, secondChipRight: chips[1].right,
          accentRight: parseFloat(style.borderRightWidth), accentLeft: parseFloat(style.borderLeftWidth),
          headingGapRight: wrap.right - heading.right, headingGapLeft: heading.left - wrap.left,
          pageTextDir: getComputedStyle(document.querySelector('.page-text')).direction,
        };
      });
      ok(layout.firstChipRight > layout.secondChipRight, `"All" comes first from the right: ${JSON.stringify(layout)}`);
      ok(layout.accentRight > layout.accentLeft, `member cards carry their accent on the right: ${JSON.stringify(layout)}`);
      ok(layout.headingGapRight < layout.headingGapLeft, `the heading starts on the right: ${JSON.stringify(layout)}`);
      equal(layout.pageTextDir, 'ltr', 'the English text stays left to right');
      await session.screenshot(path.join(artefacts, 'arabic-rtl.png'));
    },
  },
  {
    name: '?lang=zh and ?lang=ru render their names and counts',
    async run({ session, origin }) {
      for (const lang of ['zh', 'ru']) {
        await session.get(`${origin}/?lang=${lang}`);
        await waitForLanguage(session, lang === 'zh' ? 'zh-Hans' : lang);
        equal(await nameOf(session, 'DE'), LOCALE_FILES[lang].countries.DE);
        equal(await nameOf(session, 'KE'), LOCALE_FILES[lang].countries.KE);
        deepEqual(await visibleNames(session), namesSortedIn(lang));
        const line = await statusText(session);
        ok(line.includes('103') && !/members/.test(line), `${lang} status line: ${line}`);
      }
      await chooseRegion(session, LOCALE_FILES.ru.regions['002']);
      await eventually(async () => deepEqual(await visibleCodes(session), codesIn('Africa')));
      match(await statusText(session), /^21 /);
    },
  },
  {
    name: 'a browser whose preferred language is Spanish gets Spanish without a parameter',
    session: { language: 'es' },
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      equal(await session.exec(() => navigator.language.slice(0, 2)), 'es', 'the browser prefers Spanish');
      await waitForLanguage(session, 'es');
      equal(await nameOf(session, 'DE'), 'Alemania');
      equal(await legendText(session), LOCALE_FILES.es.messages['region-legend']);
      equal(await session.exec(() => new URLSearchParams(location.search).get('lang')), null,
        'a language the browser chose is not written into shared links');
    },
  },
  {
    name: 'the language switcher changes the language in place and puts it in the URL, keeping the filter',
    async run({ session, origin }) {
      await session.get(`${origin}/?region=africa`);
      await waitForDirectory(session);
      await session.exec(() => { window.__samePage = true; });
      const link = await session.find('nav.languages a[data-lang="fr"]');
      await link.click();
      await waitForLanguage(session, 'fr');
      equal(await session.exec(() => window.__samePage), true, 'no page reload');
      // The address follows a moment after the change.
      await eventually(async () => deepEqual(
        await session.exec(() => Object.fromEntries(new URLSearchParams(location.search))), { region: 'africa', lang: 'fr' }));
      deepEqual(await visibleCodes(session), codesIn('Africa'));
      equal(await statusText(session), '21 sur 103 membres');
      equal(await session.exec(() => document.querySelector('nav.languages [aria-current]')?.dataset.lang), 'fr');
      // The other links point at the same view in their language.
      const href = await session.exec(() => document.querySelector('nav.languages a[data-lang="ru"]').getAttribute('href'));
      deepEqual(Object.fromEntries(new URLSearchParams(href.slice(1))), { region: 'africa', lang: 'ru' });
      await (await session.find('nav.languages a[data-lang="en"]')).click();
      await waitForLanguage(session, 'en');
      equal(await statusText(session), '21 of 103 members');
    },
  },
  {
    name: 'the alliance text stays in English, marked lang="en", under another language',
    async run({ session, origin }) {
      await session.get(`${origin}/?lang=ru`);
      await waitForLanguage(session, 'ru');
      const text = await session.exec(() => {
        const block = document.querySelector('.page-text');
        return { lang: block.lang, h1: block.querySelector('h1').textContent, quote: !!block.querySelector('blockquote') };
      });
      deepEqual(text, { lang: 'en', h1: 'Governments taking a global stand', quote: true });
    },
  },
  {
    name: 'axe reports no WCAG 2.2 A/AA violations in Arabic',
    async run({ session, origin }) {
      await session.get(`${origin}/?lang=ar`);
      await waitForLanguage(session, 'ar');
      const violations = await wcagViolations(session);
      equal(violations.length, 0, formatViolations(violations));
    },
  },
  {
    name: 'the embed takes a lang parameter',
    async run({ session, origin }) {
      await session.get(`${origin}/embed.html?lang=ar&region=europe`);
      await waitForLanguage(session, 'ar');
      equal(await session.exec(() => document.documentElement.dir), 'rtl');
      equal(await nameOf(session, 'DE'), LOCALE_FILES.ar.countries.DE);
      deepEqual(await visibleCodes(session), codesIn('Europe'));
    },
  },
  {
    name: 'a language file that cannot be loaded leaves the directory in English, not blank',
    async run({ session, origin, server }) {
      server.setFault('/i18n/fr.json', { status: 404 });
      await session.get(`${origin}/?lang=fr`);
      await waitForLanguage(session, 'en');
      equal(await statusText(session), '103 of 103 members');
      equal(await nameOf(session, 'DE'), 'Germany');
    },
  },
];

// An official page translation, as the alliance would supply it in locales/page-text.fr.json
// (none is shipped yet: the page text is never machine-translated).
const FRENCH_PAGE = {
  heading: 'Des gouvernements mobilisés dans le monde entier',
  lede: 'Traduction officielle de démonstration.',
  paragraphs: ['Premier paragraphe.', 'Deuxième paragraphe.'],
  quote: { text: 'Citation traduite.', speaker: 'Mama Fatima Singhateh', role: 'Rapporteuse spéciale des Nations Unies' },
};

tests.push({
  name: 'an official page translation replaces the English text and is marked as French; English comes back',
  async run({ session, origin, server }) {
    server.setFault('/i18n/fr.json', {
      body: JSON.stringify({ ...LOCALE_FILES.fr, page: FRENCH_PAGE }),
      contentType: 'application/json',
    });
    await session.get(`${origin}/?lang=fr`);
    await waitForLanguage(session, 'fr');
    const read = () => session.exec(() => {
      const block = document.querySelector('.page-text');
      return {
        lang: block.lang,
        h1: block.querySelector('h1').textContent,
        paragraphs: [...block.querySelectorAll('.prose > p')].map((p) => p.textContent),
        quote: block.querySelector('blockquote').textContent.trim(),
      };
    });
    await eventually(async () => deepEqual(await read(), {
      lang: 'fr', h1: FRENCH_PAGE.heading, paragraphs: FRENCH_PAGE.paragraphs, quote: FRENCH_PAGE.quote.text,
    }));
    await (await session.find('nav.languages a[data-lang="en"]')).click();
    await waitForLanguage(session, 'en');
    const english = await read();
    equal(english.lang, 'en');
    equal(english.h1, 'Governments taking a global stand');
    equal(english.paragraphs.length, 3);
  },
});
