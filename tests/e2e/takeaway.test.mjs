// Taking the list away (issue #15): files, paper, a link, why a search matched, how current the
// list is, and the keys.
import { readFileSync } from 'node:fs';
import { deepEqual, equal, eventually, ok } from './lib/assert.mjs';
import {
  MEMBERS, catalogue, chooseRegion, emulatePrint, search, searchBox, statusText, visibleCodes, waitForDirectory,
} from './lib/directory.mjs';

const UPDATED = JSON.parse(readFileSync(new URL('../../public/members.json', import.meta.url), 'utf8')).updated;

/** "List updated 28 November 2026." for the file's date, from the language's own catalogue. */
function updatedLine(lang) {
  const words = catalogue(lang);
  const [year, month, day] = UPDATED.split('-').map(Number);
  const date = words['date-format'].replace('{day}', day).replace('{month}', words.months.split(' ')[month - 1]).replace('{year}', year);
  return words['list-updated'].replace('{date}', date);
}

/**
 * The app saves a file through a link it clicks. The page keeps what each click would save (the
 * bytes the browser would write, read back from the link) instead of writing it to disk, which
 * each engine handles its own way.
 */
const catchSaves = (session) => session.exec(() => {
  window.saved = [];
  document.addEventListener('click', (event) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    window.saved.push(fetch(link.href).then((r) => r.arrayBuffer()).then((body) => ({ name: link.download, bytes: [...new Uint8Array(body)] })));
  }, true);
});

/** Clicks a take-away button and returns the file it saves: its name, whether it opens with a
 * UTF-8 byte order mark, and its text. */
async function save(session, what) {
  const before = await session.exec(() => window.saved.length);
  await (await session.find(`[data-export="${what}"]`)).click();
  await eventually(async () => ok(await session.exec(() => window.saved.length) > before, `clicking "${what}" saves a file`));
  const { name, bytes } = await session.exec(() => window.saved.at(-1));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bom ? bytes.slice(3) : bytes));
  return { name, bom, text };
}

/** RFC 4180 CSV: rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** The cards a visitor sees, as rows: name, code, region, sub-region (as "Region · area" reads). */
const shownRows = (session) => session.exec(() =>
  [...document.querySelectorAll('[data-member-directory] li[data-code]')]
    .filter((li) => li.getClientRects().length > 0)
    .map((li) => {
      const [region, area = ''] = li.querySelector('.member__area').textContent.split(' · ');
      return [li.querySelector('.member__name').textContent, li.dataset.code, region, area];
    }));

/** A saved row as its card reads it: a sub-region that is the region itself is not repeated. */
const asCard = ([name, code, region, area]) => [name, code, region, area === region ? '' : area];

const DATE = /\d{4}-\d{2}-\d{2}/.source;

const shown = (session, css) => session.exec((sel) => {
  const el = document.querySelector(sel);
  return Boolean(el && el.getClientRects().length);
}, css);

export const tests = [
  {
    name: 'download: the CSV of Africa and of the whole list, row by row as shown, UTF-8 with a BOM',
    async run({ session, origin }) {
      await session.get(`${origin}/?region=africa`);
      await waitForDirectory(session);
      await catchSaves(session);
      const csv = await save(session, 'view csv');
      ok(new RegExp(`^weprotect-members-africa-${DATE}\\.csv$`).test(csv.name), `file name: ${csv.name}`);
      ok(csv.bom, 'the CSV starts with a UTF-8 byte order mark');
      const [header, ...rows] = parseCsv(csv.text);
      const words = catalogue('en');
      deepEqual(header, ['column-name', 'column-code', 'column-region', 'column-area'].map((key) => words[key]));
      const cards = await shownRows(session);
      equal(cards.length, MEMBERS.filter((m) => m.region === 'Africa').length, 'the view shows Africa');
      deepEqual(rows.map(asCard), cards, 'one row per member shown, in the order shown, with its name, code, region and sub-region');
      ok(rows.every((row) => row[2] === 'Africa'), 'every row is in Africa');
      const whole = await save(session, 'all csv');
      ok(new RegExp(`^weprotect-members-${DATE}\\.csv$`).test(whole.name), `file name: ${whole.name}`);
      equal(parseCsv(whole.text).length, MEMBERS.length + 1, 'the whole list: every member and the header');
    },
  },
  {
    name: 'download: the CSV and JSON of a search in Arabic, row by row as shown',
    async run({ session, origin }) {
      await session.get(`${origin}/?lang=ar&q=uni`);
      await waitForDirectory(session);
      await eventually(async () => equal(await session.exec(() => document.querySelector('.directory').lang), 'ar'));
      await catchSaves(session);
      const cards = await shownRows(session);
      ok(cards.length > 0 && cards.length < MEMBERS.length, `the search narrows the list (${cards.length})`);
      const csv = await save(session, 'view csv');
      ok(new RegExp(`^weprotect-members-uni-${DATE}\\.csv$`).test(csv.name), `file name: ${csv.name}`);
      ok(csv.bom, 'the CSV starts with a UTF-8 byte order mark');
      const [header, ...rows] = parseCsv(csv.text);
      equal(header[0], catalogue('ar')['column-name'], 'the header is in Arabic');
      deepEqual(rows.map(asCard), cards, 'the rows are the members shown, named in Arabic');
      ok(rows.some(([name]) => /[\u0600-\u06ff]/.test(name)), 'Arabic names survive the round trip');
      const json = await save(session, 'view json');
      ok(new RegExp(`^weprotect-members-uni-${DATE}\\.json$`).test(json.name), `file name: ${json.name}`);
      const members = JSON.parse(json.text);
      deepEqual(members.map((m) => asCard([m.name, m.code, m.region, m.subRegion ?? ''])), cards, 'the JSON holds the same members');
    },
  },
  {
    name: 'share: the copied link reproduces the view in a fresh browser',
    async run({ session, origin, freshBrowser }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await chooseRegion(session, 'Europe');
      await search(session, 'king');
      await eventually(async () => deepEqual(await visibleCodes(session), ['GB']));
      const expected = await shownRows(session);
      await (await session.find('[data-share]')).click();
      const status = () => session.exec(() => document.querySelector('.take-away__status').textContent);
      await eventually(async () => ok(await status(), 'the copy is confirmed in the live region'));
      let link;
      if (await status() === catalogue('en')['link-copied']) {
        // Paste it where a visitor would: into a text field, with the keyboard.
        await session.exec(() => {
          const field = document.createElement('textarea');
          field.id = 'pasted';
          document.body.prepend(field);
          field.focus();
        });
        await session.keys('Control+v');
        await eventually(async () => ok(await session.exec(() => document.getElementById('pasted').value), 'something was pasted'));
        link = await session.exec(() => document.getElementById('pasted').value);
        console.log('share: copied and pasted');
      } else {
        // The engine refused the clipboard: the link is offered selected in a field instead.
        console.log('share: the clipboard was refused; the link is offered in a field');
        equal(await status(), catalogue('en')['copy-link-fallback']);
        link = await session.exec(() => {
          const field = document.querySelector('.take-away__link');
          return field.getClientRects().length && document.activeElement === field ? field.value : '';
        });
      }
      ok(link.startsWith(origin) && link.includes('region=europe') && link.includes('q=king'), `the link holds the view: ${link}`);
      const other = await freshBrowser();
      await other.get(link);
      await waitForDirectory(other);
      deepEqual(await shownRows(other), expected, 'a fresh browser opening the link shows the same members');
      equal(await other.exec(() => document.querySelector('.search__input').value), 'king');
      // Another view: the confirmation spoke of the previous one, and goes.
      await chooseRegion(session, 'All');
      await eventually(async () => equal(await status(), '', 'the confirmation is gone once the view changes'));
    },
  },
  {
    name: 'share: where the browser refuses the clipboard, the link is offered selected in a field',
    // Refusing the clipboard through WebDriver's permissions command is Chromium's alone.
    engines: ['chromium'],
    session: {}, // a browser of its own: the refusal would outlast the test
    async run({ session, origin }) {
      await session.get(`${origin}/?region=asia`);
      await waitForDirectory(session);
      await session.call('setPermissions', { name: 'clipboard-write' }, 'denied');
      await (await session.find('[data-share]')).click();
      const status = () => session.exec(() => document.querySelector('.take-away__status').textContent);
      await eventually(async () => equal(await status(), catalogue('en')['copy-link-fallback'], 'the live region says to copy by hand'));
      const field = await session.exec(() => {
        const input = document.querySelector('.take-away__link');
        return {
          value: input.value,
          shown: input.getClientRects().length > 0,
          focused: document.activeElement === input,
          selected: input.selectionStart === 0 && input.selectionEnd === input.value.length,
          label: input.labels[0]?.textContent,
        };
      });
      deepEqual(field, { value: `${origin}/?region=asia`, shown: true, focused: true, selected: true, label: catalogue('en')['link-label'] });
      // Another view: the link offered is no longer this view's, and goes with its words.
      await chooseRegion(session, 'Europe');
      await eventually(async () => deepEqual(await session.exec(() => ({
        status: document.querySelector('.take-away__status').textContent,
        field: document.querySelector('.take-away__link').getClientRects().length,
      })), { status: '', field: 0 }, 'the stale link and its words are gone'));
    },
  },
  {
    name: 'why it matched: a member found by another of its names says which',
    async run({ session, origin }) {
      await session.get(`${origin}/?q=holland`);
      await waitForDirectory(session);
      const matched = (code) => session.exec((c) => document.querySelector(`li[data-code="${c}"] .member__matched`)?.textContent ?? null, code);
      await eventually(async () => deepEqual(await visibleCodes(session), ['NL']));
      equal(await matched('NL'), 'Matched: Holland');
      await search(session, 'nether');
      await eventually(async () => equal(await matched('NL'), null, 'found by its own name: no line'));
      await search(session, 'united republic');
      await eventually(async () => deepEqual(await visibleCodes(session), ['TZ']));
      equal(await matched('TZ'), 'Matched: United Republic of Tanzania');
      // In French the card shows the French name; the English one the visitor typed is named.
      await session.get(`${origin}/?lang=fr&q=germany`);
      await waitForDirectory(session);
      await eventually(async () => equal(await matched('DE'), 'Correspondance : Germany'));
      equal(await session.exec(() => document.querySelector('li[data-code="DE"] .member__name').textContent), 'Allemagne');
    },
  },
  {
    name: 'embeds offer the downloads unless the partner turns them off',
    async run({ session, origin }) {
      const offered = () => session.exec(() => {
        const button = document.querySelector('[data-export="view csv"]');
        return Boolean(button && button.getClientRects().length);
      });
      await session.get(`${origin}/embed.html?region=europe`);
      await waitForDirectory(session);
      ok(await offered(), 'an embed offers the download');
      equal(await session.exec(() => document.querySelector('[data-share]')?.getClientRects().length ?? 0), 0, 'an embed has no address of its own to share');
      await catchSaves(session);
      const csv = await save(session, 'view csv');
      ok(new RegExp(`^weprotect-members-europe-${DATE}\\.csv$`).test(csv.name), `file name: ${csv.name}`);
      await session.get(`${origin}/embed.html?region=europe&download=off`);
      await waitForDirectory(session);
      equal(await offered(), false, 'download=off takes the download away');
    },
  },
  {
    name: 'the list says when it was last updated, in the interface language',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const line = () => session.exec(() => document.querySelector('[data-member-directory] .directory__source').textContent);
      ok((await line()).includes(updatedLine('en')), `English: ${await line()}`);
      await session.get(`${origin}/?lang=fr`);
      await waitForDirectory(session);
      await eventually(async () => ok((await line()).includes(updatedLine('fr')), `French: ${await line()}`));
    },
  },
  {
    name: 'keys: "/" goes to the search box unless the visitor is typing, Escape in it empties it',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      // A visitor pressing "/" is on the page: give it the keyboard first (clicking plain text),
      // as a freshly navigated window need not have it yet.
      await (await session.find('#members-heading')).click();
      await session.keys('/');
      const box = await searchBox(session);
      await eventually(async () => ok(await (await session.activeElement()).equals(box), '"/" moved focus to the search box'));
      equal(await box.prop('value'), '', 'and was not typed into it');
      await session.keys('u', 'k', '/');
      equal(await box.prop('value'), 'uk/', 'in the box, "/" is just a character');
      await search(session, 'uni');
      await eventually(async () => ok((await visibleCodes(session)).length < MEMBERS.length));
      await session.keys('Escape');
      await eventually(async () => equal(await box.prop('value'), ''));
      await eventually(async () => equal((await visibleCodes(session)).length, MEMBERS.length));
      ok(await (await session.activeElement()).equals(box), 'focus stays in the box');
    },
  },
  {
    name: 'print: no controls or map, the view stated in words with its address',
    async run({ session, origin }) {
      await session.get(`${origin}/?region=africa&q=uni`);
      await waitForDirectory(session);
      await eventually(async () => equal(await statusText(session), '1 of 103 members'));
      await emulatePrint(session);
      for (const css of ['.directory__controls', '.world-map', '.page-text', '.languages']) {
        equal(await shown(session, css), false, `${css} is not printed`);
      }
      equal(await session.exec(() => document.querySelector('.directory__print-summary').textContent), 'Members in Africa matching “uni”: 1');
      equal(await session.exec(() => document.querySelector('.directory__print-address').textContent), await session.url());
      ok(await shown(session, '.directory__print-summary'), 'the summary is printed');
    },
  },
  {
    name: 'print: the whole list of 103 fits on two A4 pages',
    engines: ['chromium'],
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const pdf = Buffer.from(await session.call('printPage', 'portrait', 1, false, 21.0, 29.7, 1, 1, 1, 1, true, []), 'base64').toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      ok(pages >= 1 && pages <= 2, `the list prints on ${pages} A4 page(s)`);
    },
  },
];
