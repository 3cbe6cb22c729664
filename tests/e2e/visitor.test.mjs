// The visitor pass (issue #14): what a design review found rough on the page, each checked as
// the visitor would meet it.
import { deepEqual, equal, eventually, match, ok } from './lib/assert.mjs';
import {
  MEMBERS, alertReading, catalogue, checkedRegion, chooseRegion, codesIn, search, searchBox, statusText, visibleCodes, waitForDirectory,
} from './lib/directory.mjs';

/** The examples the search hint gives, in the order given. */
const hintExamples = async (session) => {
  const hint = await (await session.find('[data-member-directory] .search__hint')).text();
  return [...hint.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
};

/** Boxes of the directory's parts, top to bottom as laid out. */
const layout = (session) => session.exec(() => {
  const top = (css) => {
    const el = document.querySelector(`[data-member-directory] ${css}`);
    return el && el.getClientRects().length ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
  };
  return { controls: top('.directory__controls'), status: top('[role=status]'), list: top('.member-list'), map: top('.world-map') };
});

/** Serves `body` at `path` and opens it in a `width` px iframe (Firefox and WebKit windows stop
 * shrinking near 500 px), leaving the session inside the frame. */
async function inFrame(session, server, origin, src, width) {
  server.setFault(`/frame-${width}.html`, {
    body: `<!doctype html><html lang="en"><title>${width} px</title><iframe src="${src}" width="${width}" height="800" title="At ${width} px"></iframe>`,
    contentType: 'text/html; charset=utf-8',
  });
  await session.get(`${origin}/frame-${width}.html`);
  await session.switchToFrame(await session.find('iframe'));
}

/** How many columns and rows the items matching `css` (inside `root`, default the document) take. */
const grid = (session, css, hostId) => session.exec((sel, id) => {
  const root = id ? document.getElementById(id).shadowRoot : document;
  const boxes = [...root.querySelectorAll(sel)].filter((el) => el.getClientRects().length).map((el) => el.getBoundingClientRect());
  const distinct = (values) => new Set(values.map(Math.round)).size;
  return { columns: distinct(boxes.map((b) => b.left)), rows: distinct(boxes.map((b) => b.top)), count: boxes.length };
}, css, hostId ?? null);

export const tests = [
  {
    name: 'the search hint\'s examples each find somebody, on the page and in a region-locked embed',
    async run({ session, origin }) {
      for (const [url, region] of [[`${origin}/`, null], [`${origin}/embed.html?region=europe&controls=search`, 'Europe']]) {
        await session.get(url);
        await waitForDirectory(session);
        const examples = await hintExamples(session);
        ok(examples.length >= 1, `${url}: the hint gives examples`);
        for (const example of examples) {
          await search(session, example);
          await eventually(async () => {
            const shown = await visibleCodes(session);
            ok(shown.length > 0, `${url}: “${example}” finds nobody`);
            ok(shown.every((code) => !region || codesIn(region).includes(code)), `${url}: “${example}” finds members outside ${region}`);
          });
        }
      }
    },
  },
  {
    name: 'the count sits right under the controls, the list under it and the map after the list',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const boxes = await layout(session);
      ok(boxes.controls < boxes.status && boxes.status < boxes.list && boxes.list < boxes.map,
        `top to bottom: controls, count, list, map: ${JSON.stringify(boxes)}`);
      // Choosing a region changes what is in view at once: the count and the first cards.
      await session.exec(() => document.querySelector('[data-member-directory] .directory__controls').scrollIntoView());
      await chooseRegion(session, 'Africa');
      await eventually(async () => equal(await statusText(session), `${codesIn('Africa').length} of 103 members`));
      const inView = await session.exec(() => {
        const first = [...document.querySelectorAll('[data-member-directory] li[data-code]')].find((li) => !li.hidden);
        const status = document.querySelector('[data-member-directory] [role=status]');
        return [first, status].every((el) => el.getBoundingClientRect().bottom <= window.innerHeight);
      });
      ok(inView, 'the count and the first member of the result are on screen after choosing a region');
    },
  },
  {
    name: 'an empty result says where the member is and searches every region on request',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await chooseRegion(session, 'Europe');
      await search(session, 'kenya');
      const empty = await session.waitFind('.directory__empty', { visible: true });
      match(await empty.text(), /No members in Europe match “kenya”/);
      match(await empty.text(), /Kenya is listed under Africa\./);
      await (await session.findByText('Search all regions', { tag: 'button' })).click();
      await eventually(async () => deepEqual(await visibleCodes(session), ['KE']));
      equal(await checkedRegion(session), 'all');
      equal(await (await searchBox(session)).prop('value'), 'kenya', 'the search is kept');
    },
  },
  {
    name: 'one clear button in the search box in every engine, and "Clear filters" whenever a filter is on',
    async run({ session, origin, engine }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const clearFilters = () => session.exec(() => [...document.querySelectorAll('.directory__summary button')].filter((b) => b.getClientRects().length).length);
      equal(await clearFilters(), 0, 'nothing to clear on arrival');
      await chooseRegion(session, 'Asia');
      await eventually(async () => equal(await clearFilters(), 1, 'a region alone is a filter to clear'));
      await search(session, 'uni');
      const clear = await session.find('.search__clear');
      await eventually(async () => ok(await clear.isDisplayed(), 'the clear button appears with text'));
      equal(await clear.attr('aria-label'), 'Clear search');
      if (engine !== 'firefox') { // Firefox draws no clear button of its own
        // Computed styles of this pseudo-element are not exposed: find the rule the engine kept.
        ok(await session.exec(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
          .some((rule) => rule.selectorText?.includes('::-webkit-search-cancel-button') && rule.style.display === 'none')),
        'the engine\'s own clear button is hidden by a rule it accepts');
      }
      await clear.click();
      equal(await (await searchBox(session)).prop('value'), '');
      ok(await (await session.activeElement()).equals(await searchBox(session)), 'focus goes back to the search box');
      ok(!(await clear.isDisplayed()), 'nothing to clear, no button');
      equal(await checkedRegion(session), 'asia', 'clearing the search keeps the region');
      await (await session.findByText('Clear filters', { tag: 'button' })).click();
      await eventually(async () => equal((await visibleCodes(session)).length, 103));
      equal(await clearFilters(), 0);
    },
  },
  {
    name: 'every card names its region (and area) in words, and the page says regions follow UN M49',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const cards = await session.exec(() => [...document.querySelectorAll('[data-member-directory] li[data-code]')]
        .map((li) => [li.dataset.code, li.querySelector('.member__area')?.innerText ?? '']));
      const regionOf = Object.fromEntries(MEMBERS.map((m) => [m.code, m]));
      const wrong = cards.filter(([code, text]) => !text.startsWith(regionOf[code].region));
      deepEqual(wrong, [], 'cards whose text does not start with their region');
      equal(cards.find(([code]) => code === 'AM')[1], 'Asia · Western Asia');
      match(await (await session.find('.directory__source')).text(), /UN M49/);
    },
  },
  {
    name: 'a broken list keeps the 103 members on screen, hides nothing the visitor had, and skips the jargon',
    async run({ session, origin, server }) {
      server.setFault('/members.json', { body: '{"version":1,"members":[{"name":"Alb', contentType: 'application/json' });
      await session.get(`${origin}/`);
      await session.waitFind('[role=alert]', { visible: true, timeout: 20_000 });
      equal((await visibleCodes(session)).length, 103);
      const text = await alertReading(session);
      equal(await session.exec(() => document.querySelector('[role=alert] details').open), false, 'the details start closed');
      ok(!/JSON/.test(text), `plain words: ${JSON.stringify(text)}`);
      match(text, /may be out of date/);
      const boxes = await layout(session);
      ok(boxes.map !== null, 'the map keeps its place: the list it shows is still good');
      const alertTop = await session.exec(() => document.querySelector('[role=alert]').getBoundingClientRect().top + window.scrollY);
      ok(alertTop < boxes.list, 'the warning comes before the list, not below the fold after it');
    },
  },
  {
    name: 'in Arabic, Chinese or Russian a notice in that language says the introduction is English, and the title is translated',
    async run({ session, origin }) {
      for (const lang of ['ar', 'zh', 'ru']) {
        await session.get(`${origin}/?lang=${lang}`);
        await waitForDirectory(session);
        const words = catalogue(lang);
        const notice = await session.find('[data-language-notice]');
        await eventually(async () => ok(await notice.isDisplayed(), `${lang}: the notice shows`));
        equal(await session.exec(() => document.querySelector('[data-language-notice] [data-i18n="english-notice"]').textContent), words['english-notice']);
        equal(await session.exec(() => document.querySelector('[data-language-notice] a').getAttribute('href')), '#members');
        equal(await session.title(), words['page-title']);
        const noticeTop = await session.exec(() => document.querySelector('[data-language-notice]').getBoundingClientRect().top);
        ok(noticeTop < 300, `${lang}: the notice is at the top of the page (${noticeTop} px)`);
      }
      await (await session.find('a[data-lang="en"]')).click();
      await eventually(async () => equal(await session.title(), 'Governments taking a global stand | WeProtect Global Alliance'));
      ok(!(await (await session.find('[data-language-notice]')).isDisplayed()), 'no notice in English');
    },
  },
  {
    name: 'on a 390 px phone the language switcher is one row and the list two columns',
    async run({ session, origin, server }) {
      await inFrame(session, server, origin, '/', 390);
      await waitForDirectory(session);
      const tops = await session.exec(() => [...document.querySelectorAll('.languages__link')].map((a) => Math.round(a.getBoundingClientRect().top)));
      equal(tops.length, 6);
      equal(new Set(tops).size, 1, `one row of languages: tops ${tops}`);
      equal((await grid(session, '[data-member-directory] li[data-code]')).columns, 2);
    },
  },
  {
    name: 'a narrow inline embed adapts to its own width: chips in a few rows, the list in two columns',
    async run({ session, origin, server }) {
      server.setFault('/narrow-inline.html', {
        body: '<!doctype html><html lang="en"><title>Narrow inline embed</title><main><div id="embed" data-member-directory data-mode="inline"></div></main><script src="/embed.js"></script>',
        contentType: 'text/html; charset=utf-8',
      });
      await inFrame(session, server, origin, '/narrow-inline.html', 390);
      await eventually(async () => equal((await grid(session, 'li[data-code]', 'embed')).count, 103), 20_000);
      const chips = await grid(session, '.chip', 'embed');
      ok(chips.rows <= 3, `six chips in at most three rows, not one per row (${chips.rows})`);
      equal((await grid(session, 'li[data-code]', 'embed')).columns, 2, 'two columns of members');
      // The same embed on a wide page spreads out.
      await session.switchToFrame(null);
      await session.setWindowSize(1280, 900);
      await session.get(`${origin}/narrow-inline.html`);
      await eventually(async () => ok((await grid(session, 'li[data-code]', 'embed')).columns >= 4, 'four or more columns when wide'), 20_000);
    },
  },
  {
    name: 'polish: the logo is drawn (filled in every engine) and the quote mark opens the quote inside its column',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const mark = await session.exec(() => {
        const svg = document.querySelector('.masthead__mark');
        const core = svg.querySelector('.masthead__mark-core');
        return { tag: svg.tagName.toLowerCase(), fill: getComputedStyle(core).fill, width: svg.getBoundingClientRect().width };
      });
      equal(mark.tag, 'svg');
      ok(mark.fill !== 'none' && !/rgba\(.*,\s*0\)/.test(mark.fill), `the mark's core is filled (${mark.fill})`);
      ok(mark.width >= 20, 'the mark is drawn at its size');
      const quote = await session.exec(() => {
        const figure = document.querySelector('.pull-quote');
        const before = getComputedStyle(figure, '::before');
        const text = figure.querySelector('blockquote p').getBoundingClientRect();
        const box = figure.getBoundingClientRect();
        // The mark is placed from the padding box, the text measured from the border box.
        const left = parseFloat(before.left) + parseFloat(getComputedStyle(figure).borderLeftWidth);
        return { left, width: parseFloat(before.width), textLeft: text.left - box.left, textRight: text.right - box.left };
      });
      ok(Math.abs(quote.left - quote.textLeft) <= 2, `the mark starts where the text starts (${quote.left} vs ${quote.textLeft})`);
      ok(quote.left + quote.width <= quote.textRight, 'and stays within the text column');
    },
  },
];
