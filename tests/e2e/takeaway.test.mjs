// Taking the list away (issue #15, in part): how current it is, the keys, and paper.
import { readFileSync } from 'node:fs';
import { equal, eventually, ok } from './lib/assert.mjs';
import {
  MEMBERS, catalogue, emulatePrint, search, searchBox, statusText, visibleCodes, waitForDirectory,
} from './lib/directory.mjs';

const UPDATED = JSON.parse(readFileSync(new URL('../../public/members.json', import.meta.url), 'utf8')).updated;

/** "List updated 28 November 2026." for the file's date, from the language's own catalogue. */
function updatedLine(lang) {
  const words = catalogue(lang);
  const [year, month, day] = UPDATED.split('-').map(Number);
  const date = words['date-format'].replace('{day}', day).replace('{month}', words.months.split(' ')[month - 1]).replace('{year}', year);
  return words['list-updated'].replace('{date}', date);
}

const shown = (session, css) => session.exec((sel) => {
  const el = document.querySelector(sel);
  return Boolean(el && el.getClientRects().length);
}, css);

export const tests = [
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
