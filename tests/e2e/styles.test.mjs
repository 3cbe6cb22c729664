// What each page and embed is styled with: the alliance's pages get one stylesheet, checked by
// its integrity hash; an inline embed's shadow root gets the directory's styles without the page
// chrome; a partner's theme reaches both kinds of embed.
import { deepEqual, equal, eventually, match, notEqual } from './lib/assert.mjs';
import { withPartner as withPartnerSite } from './lib/partner.mjs';
import { waitForDirectory } from './lib/directory.mjs';

const withPartner = (run, options) => withPartnerSite(run, { csp: false, ...options });

/**
 * Runs in the page: adds elements with page-chrome classes to the shadow root of the element
 * `hostId` (or to the body without one), reads how the stylesheets there dress them, and removes
 * them. Each property read comes from a chrome rule that uses no chrome-only custom property, so
 * it shows whether the rule itself is present.
 */
function chromeProbe(hostId) {
  const root = hostId ? document.getElementById(hostId).shadowRoot : document.body;
  const probes = {
    skipLink: Object.assign(document.createElement('a'), { className: 'skip-link' }),
    hero: Object.assign(document.createElement('section'), { className: 'hero' }),
    footer: Object.assign(document.createElement('footer'), { className: 'site-footer' }),
  };
  root.append(...Object.values(probes));
  const look = {
    skipLink: getComputedStyle(probes.skipLink).position,
    hero: getComputedStyle(probes.hero).paddingTop,
    footer: getComputedStyle(probes.footer).paddingTop,
  };
  for (const probe of Object.values(probes)) probe.remove();
  return look;
}

/** Runs in the page: how the directory in the shadow root of `hostId` (or the document) looks. */
function directoryLook(hostId) {
  const root = hostId ? document.getElementById(hostId).shadowRoot : document;
  const directory = root.querySelector('.member-directory');
  const member = getComputedStyle(root.querySelector('.member'));
  const chip = root.querySelector('.chip__face');
  return {
    accent: getComputedStyle(directory).getPropertyValue('--md-color-accent').trim() !== '',
    heroColour: getComputedStyle(directory).getPropertyValue('--md-color-hero').trim(),
    pageWidth: getComputedStyle(directory).getPropertyValue('--md-page-width').trim(),
    list: getComputedStyle(root.querySelector('.member-list')).display,
    cardEdge: member.borderInlineStartWidth,
    boxSizing: member.boxSizing,
    chipBorder: chip ? getComputedStyle(chip).borderTopWidth : null,
  };
}

const CHROME_STYLED = { skipLink: 'absolute', hero: '48px', footer: '32px' };
const CHROME_ABSENT = { skipLink: 'static', hero: '0px', footer: '0px' };

export const tests = [
  {
    name: 'the page and the embed page each load one stylesheet, checked by its integrity hash',
    async run({ session, origin }) {
      for (const page of ['/', '/embed.html']) {
        await session.get(`${origin}${page}`);
        await waitForDirectory(session);
        const sheets = await session.exec(() => [...document.querySelectorAll('link[rel=stylesheet]')]
          .map((link) => ({ href: link.getAttribute('href'), integrity: link.integrity, loaded: link.sheet !== null })));
        equal(sheets.length, 1, `${page}: one stylesheet`);
        match(sheets[0].href, /^\.\/main-[0-9a-f]+\.css$/, `${page}: the hashed page stylesheet`);
        match(sheets[0].integrity, /^sha384-/, `${page}: with its integrity hash`);
        equal(sheets[0].loaded, true, `${page}: applied`);
        deepEqual(await session.exec(chromeProbe, null), CHROME_STYLED,
          `${page}: the page chrome is styled`);
      }
    },
  },
  {
    name: "an inline embed's shadow root gets the directory's styles but not the page chrome's",
    run: withPartner(async ({ session, site }) => {
      await session.setWindowSize(1280, 900);
      await session.get(`${site.origin}/`);
      await session.waitFor(() => session.exec(() =>
        document.getElementById('inline-europe').shadowRoot?.querySelector('[data-ready] .member') != null),
      { timeout: 20_000, message: 'the inline embed' });

      const inline = await session.exec(() => {
        const shadow = document.getElementById('inline-europe').shadowRoot;
        return { sheets: [...shadow.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')) };
      });
      equal(inline.sheets.length, 1);
      match(inline.sheets[0], /\/directory-[0-9a-f]+\.css$/, 'the directory stylesheet, hashed');

      const look = await session.exec(directoryLook, 'inline-europe');
      equal(look.accent, true, 'the design tokens are there');
      equal(look.list, 'grid', 'the member list is laid out');
      equal(look.cardEdge, '4px', 'member cards are dressed');
      equal(look.chipBorder, '2px', 'region chips are dressed');
      equal(look.boxSizing, 'border-box', 'the base styles apply in the shadow root');
      equal(look.heroColour, '', 'no page chrome colour');
      equal(look.pageWidth, '', 'no page width');
      deepEqual(await session.exec(chromeProbe, 'inline-europe'), CHROME_ABSENT, 'no page chrome rules');

      // The iframe embed on the same partner page is one of the alliance's pages: chrome and all.
      const frame = await session.waitFind('#frame-africa iframe', { timeout: 20_000 });
      await session.exec((el) => el.scrollIntoView(), frame);
      await session.switchToFrame(frame);
      await waitForDirectory(session);
      const framed = await session.exec(directoryLook, null);
      notEqual(framed.heroColour, '', 'the embed page has the page tokens');
      deepEqual(await session.exec(chromeProbe, null), CHROME_STYLED, 'the embed page has the page chrome rules');
    }),
  },
  {
    name: "a partner's theme reaches both the iframe embed and the inline embed, even when the partner's stylesheet arrives after the loader has started",
    run: withPartner(async ({ session, site }) => {
      await session.setWindowSize(1280, 900);
      // The loader makes the iframes as the page is parsed, before this stylesheet is in: the
      // theme must reach them once it is.
      site.setFault('/partner.css', { delayMs: 1500 });
      await session.get(`${site.origin}/`);
      // Both placeholders carry class="themed": accent #8a1c7c, no radius, Georgia.
      const themedLook = (hostId) => {
        const root = hostId ? document.getElementById(hostId).shadowRoot : document;
        const member = getComputedStyle(root.querySelector('.member'));
        return { edge: member.borderInlineStartColor, radius: member.borderTopLeftRadius, font: member.fontFamily };
      };
      await session.waitFor(() => session.exec(() =>
        document.getElementById('inline-search').shadowRoot?.querySelector('[data-ready] .member') != null),
      { timeout: 20_000, message: 'the inline embed' });
      const inline = await session.exec(themedLook, 'inline-search');

      const frame = await session.waitFind('#frame-all iframe', { timeout: 20_000 });
      await session.exec((el) => el.scrollIntoView(), frame);
      await session.switchToFrame(frame);
      await waitForDirectory(session);
      await eventually(async () => equal((await session.exec(themedLook, null)).edge, 'rgb(138, 28, 124)'), 10_000);
      const framed = await session.exec(themedLook, null);

      for (const [mode, look] of [['inline', inline], ['iframe', framed]]) {
        equal(look.edge, 'rgb(138, 28, 124)', `${mode}: the partner's accent colour`);
        equal(look.radius, '0px', `${mode}: the partner's radius`);
        match(look.font, /Georgia/, `${mode}: the partner's font`);
      }
    }),
  },
];
