// The page and its region-filterable member directory, as a visitor uses them.
import { deepEqual, equal, eventually, includes, match, ok } from './lib/assert.mjs';
import {
  MEMBERS, alertReading, chooseRegion, codesIn, regionControl, search, searchBox, statusText, visibleCodes,
  visibleNames, waitForDirectory,
} from './lib/directory.mjs';

const REGION_COUNTS = { Africa: 21, Americas: 15, Asia: 25, Europe: 39, Oceania: 3 };

export const tests = [
  {
    name: 'the page shows the alliance text, the quote and its attribution',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      equal(await session.title(), 'Governments taking a global stand | WeProtect Global Alliance');
      equal(await session.exec(() => document.documentElement.lang), 'en');
      const headings = await session.exec(() => [...document.querySelectorAll('h1')].map((h) => h.textContent));
      deepEqual(headings, ['Governments taking a global stand']);
      const description = await session.exec(() => document.querySelector('meta[name=description]').content);
      match(description, /member governments/);
      const quote = await (await session.find('figure blockquote')).text();
      match(quote, /^We are witnessing today a serious problem/);
      match(quote, /we can only succeed if we all work together\.$/);
      const caption = await (await session.find('figure figcaption')).text();
      equal(caption, 'Mama Fatima Singhateh, UN Special Rapporteur on the Sale and Sexual Exploitation of Children');
      const body = await (await session.find('main')).text();
      includes(body, 'Chaired by the European Union and vice-chaired by the African Union');
      includes(body, 'driving the actions that will shape a safer future.');
      equal(await (await session.find('section#members h2')).text(), 'Our government members');
    },
  },
  {
    name: 'all 103 members are listed in sort-name order with their codes',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      deepEqual(await visibleCodes(session), codesIn(null));
      equal(await statusText(session), '103 of 103 members');
      const names = await visibleNames(session);
      equal(names.length, 103);
      equal(names[0], 'Albania');
      equal(names.at(-1), 'Zimbabwe');
      equal(names[names.indexOf('The Netherlands') - 1], 'Nepal', 'The Netherlands sorts under N');
    },
  },
  {
    name: 'each region shows exactly its M49 members and its count',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      equal((await (await regionControl(session, 'All')).text()).replace(/\s+/g, ' '), 'All 103');
      for (const [region, count] of Object.entries(REGION_COUNTS)) {
        const control = await regionControl(session, region);
        equal((await control.text()).replace(/\s+/g, ' '), `${region} ${count}`);
        await control.click();
        await eventually(async () => deepEqual(await visibleCodes(session), codesIn(region)));
        equal(await statusText(session), `${count} of 103 members`);
      }
      await chooseRegion(session, 'All');
      await eventually(async () => equal((await visibleCodes(session)).length, 103));
    },
  },
  {
    name: 'search is case- and accent-insensitive and finds names anywhere',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await search(session, 'UNITED');
      // Tanzania through its alias "United Republic of Tanzania".
      await eventually(async () => deepEqual(await visibleCodes(session), ['AE', 'GB', 'TZ', 'US']));
      equal(await statusText(session), '4 of 103 members');
      await search(session, 'türkiye');
      await eventually(async () => deepEqual(await visibleCodes(session), ['TR']));
      await search(session, 'lanka');
      await eventually(async () => deepEqual(await visibleCodes(session), ['LK']));
    },
  },
  {
    name: 'search and region filter combine',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await chooseRegion(session, 'Europe');
      await search(session, 'united');
      await eventually(async () => deepEqual(await visibleCodes(session), ['GB']));
      await chooseRegion(session, 'Africa');
      await search(session, 'ken');
      await eventually(async () => deepEqual(await visibleCodes(session), ['KE']));
      equal(await statusText(session), '1 of 103 members');
    },
  },
  {
    name: 'an empty result says so and "Clear filters" brings everyone back',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await chooseRegion(session, 'Oceania');
      await search(session, 'kenya');
      await eventually(async () => equal(await statusText(session), '0 of 103 members'));
      const empty = await session.find('.directory__empty');
      match(await empty.text(), /No members in Oceania match “kenya”/);
      await (await session.findByText('Clear filters', { tag: 'button' })).click();
      await eventually(async () => equal((await visibleCodes(session)).length, 103));
      const focused = await session.activeElement();
      ok(await focused.equals(await searchBox(session)), 'focus moves to the search box, not lost');
    },
  },
  {
    name: 'the URL restores a view and follows changes without adding history',
    async run({ session, origin }) {
      await session.get(`${origin}/?region=africa&q=uni`);
      await waitForDirectory(session);
      ok(await (await (await regionControl(session, 'Africa')).find('input')).isSelected());
      equal(await (await searchBox(session)).prop('value'), 'uni');
      await eventually(async () => deepEqual(await visibleCodes(session), ['TZ']));
      await search(session, 'ug');
      await eventually(async () => deepEqual(await visibleCodes(session), ['UG']));
      const historyLength = await session.exec(() => history.length);
      await chooseRegion(session, 'Asia');
      await search(session, 'ja');
      await eventually(async () => equal(new URL(await session.url()).search, '?region=asia&q=ja'));
      equal(await session.exec(() => history.length), historyLength, 'replaceState, not pushState');
      await session.refresh();
      await waitForDirectory(session);
      await eventually(async () => deepEqual(await visibleCodes(session), ['JP']));
    },
  },
  {
    name: 'a missing members.json leaves the page\'s list working, says it may be out of date, and offers no pointless "Try again"',
    async run({ session, origin, server }) {
      server.setFault('/members.json', { status: 404, body: 'Not found' });
      await session.get(`${origin}/`);
      const alert = await session.waitFind('[role=alert]', { visible: true, timeout: 20_000 });
      match(await alert.text(), /may be out of date/);
      match(await alert.text(), /not found on the server/);
      equal((await alert.findAll('button')).length, 0, 'trying again cannot bring a missing file back');
      equal((await visibleCodes(session)).length, 103, 'the list published with the page stays');
      await chooseRegion(session, 'Africa');
      await eventually(async () => deepEqual(await visibleCodes(session), codesIn('Africa')));
      equal(await statusText(session), `${codesIn('Africa').length} of 103 members`, 'and its filters work');
      await (await alert.find('summary')).click();
      match(await alert.text(), /HTTP status 404/, 'the technical reason is one click away');
    },
  },
  {
    name: 'a server error or a broken file is explained in plain words; "Try again" where it can help',
    async run({ session, origin, server }) {
      server.setFault('/members.json', { status: 500, body: 'oops' });
      await session.get(`${origin}/`);
      const alert = await session.waitFind('[role=alert]', { visible: true, timeout: 20_000 });
      match(await alert.text(), /server had a problem/);
      server.setFault('/members.json', { body: '{"version":1,"members":[{"name":"Alb', contentType: 'application/json' });
      await (await session.findByText('Try again', { tag: 'button' })).click();
      await eventually(async () => match(await alertReading(session), /damaged/), 20_000);
      const text = await alertReading(session);
      ok(!/JSON/.test(text), `no jargon in what the visitor reads: ${JSON.stringify(text)}`);
      equal((await session.findAll('[role=alert] button')).length, 0, 'a damaged file stays damaged: no "Try again"');
      equal((await visibleCodes(session)).length, 103);
      server.clearFaults();
      await session.refresh();
      await waitForDirectory(session);
      await eventually(async () => equal((await visibleCodes(session)).length, MEMBERS.length));
      equal((await session.findAll('[role=alert]')).length, 0);
    },
  },
];
