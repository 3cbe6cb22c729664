// Content before WebAssembly: the build-time page is complete, and the app takes it over
// without anything moving; if the app cannot start, the page stays readable.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deepEqual, equal, eventually, match, ok } from './lib/assert.mjs';
import { chooseRegion, codesIn, search, statusText, visibleCodes, waitForDirectory } from './lib/directory.mjs';

/** Positions of landmarks of the directory, to compare before and after the takeover. */
const layout = (session) => session.exec(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.left), Math.round(r.height)]; };
  const items = [...document.querySelectorAll('[data-member-directory] li[data-code]')];
  return {
    heading: box(document.querySelector('#members h2')),
    controls: box(document.querySelector('[data-member-directory] .directory__controls')),
    status: box(document.querySelector('[data-member-directory] [role=status]')),
    first: box(items[0]),
    last: box(items.at(-1)),
    page: document.documentElement.scrollHeight,
  };
});

export const tests = [
  {
    name: 'the whole list is in the HTML before WebAssembly, and the app filters those very nodes',
    session: { pageLoadStrategy: 'none' },
    async run({ session, origin, server }) {
      // Hold the WebAssembly back so the build-time markup is what the visitor sees.
      const wasm = readdirSync(server.root).find((f) => f.endsWith('.wasm'));
      server.setFault(`/${wasm}`, { stallMs: 3000 });
      await session.get(`${origin}/`);
      await eventually(async () => equal(
        await session.exec(() => document.querySelectorAll('[data-member-directory] li[data-code]').length), 103));
      equal(await session.exec(() => document.querySelector('[data-member-directory] .region-filter').disabled), true);
      equal(await session.exec(() => document.querySelector('[data-member-directory] input[type=search]').disabled), true);
      equal(await statusText(session), '103 of 103 members');
      // Mark every build-time item with a property only that DOM node carries.
      equal(await session.exec(() => {
        const items = [...document.querySelectorAll('[data-member-directory] li[data-code]')];
        items.forEach((li, i) => { li.buildTimeIndex = i; });
        return document.querySelector('[data-member-directory][data-ready]') === null;
      }), true, 'the marks are set before the app takes over');
      const before = await layout(session);
      await waitForDirectory(session);
      await session.waitFor(() => session.exec(() => !document.querySelector('[data-member-directory] .region-filter').disabled),
        { timeout: 20_000, message: 'the app to take over' });
      deepEqual(await layout(session), before, 'nothing moves when the app takes over');
      await chooseRegion(session, 'Africa');
      await eventually(async () => deepEqual(await visibleCodes(session), codesIn('Africa')));
      const marks = await session.exec(() => [...document.querySelectorAll('[data-member-directory] li[data-code]')]
        .map((li) => li.buildTimeIndex));
      deepEqual(marks, [...Array(103).keys()], 'the items filtered are the build-time nodes, in order');
    },
  },
  {
    name: "the app's code is requested only after the first paint, and a tampered glue is refused",
    async run({ session, origin, server }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const timing = await session.exec(() => {
        const start = (suffix) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix))?.startTime ?? null;
        const paint = performance.getEntriesByName('first-paint')[0] ?? performance.getEntriesByName('first-contentful-paint')[0];
        return { js: start('.js') === null ? null : Math.min(...performance.getEntriesByType('resource')
          .filter((e) => /member-directory-[^/]*\.js$/.test(e.name)).map((e) => e.startTime)),
        wasm: start('.wasm'), boot: start('/boot.js'), paint: paint?.startTime ?? null };
      });
      ok(timing.js !== null && timing.wasm !== null && timing.boot !== null, `loader, glue and wasm fetched: ${JSON.stringify(timing)}`);
      if (timing.paint !== null) {
        // Even the loader waits: only the HTML and its stylesheet come before the first paint.
        // Not before, rather than after: Firefox's clock counts whole milliseconds, and the
        // starter asks for the loader in the paint's own millisecond.
        ok(timing.boot >= timing.paint && timing.js >= timing.paint && timing.wasm >= timing.paint,
          `fetched once the page has painted: ${JSON.stringify(timing)}`);
      }
      // The glue's integrity hash travels on the boot script; a changed file must not run.
      const glue = readdirSync(server.root).find((f) => /^member-directory-.*\.js$/.test(f));
      const body = readFileSync(path.join(server.root, glue), 'utf8');
      server.setFault(`/${glue}`, { body: `${body}\n// tampered`, contentType: 'text/javascript' });
      await session.get(`${origin}/?tampered`);
      const note = await session.waitFind('.directory__start-failed', { visible: true, timeout: 20_000 });
      match(await note.text(), /could not start/);
      equal(await session.exec(() => document.querySelector('[data-member-directory][data-ready]')), null);
    },
  },
  {
    name: "a newer list longer than the build's is shown in place, and every member of it is filtered",
    async run({ session, origin, server }) {
      const published = JSON.parse(readFileSync(path.join(server.root, 'members.json'), 'utf8'));
      const extra = [
        { name: 'Atlantis', sortName: 'Atlantis', code: 'QA1', region: 'Europe', subRegion: 'Southern Europe' },
        { name: 'Zanzibar Test', sortName: 'Zanzibar Test', code: 'QZ1', region: 'Africa', subRegion: 'Eastern Africa' },
      ];
      const body = JSON.stringify({ ...published, members: [...published.members, ...extra] });
      server.setFault('/members.json', { body, contentType: 'application/json' });
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await eventually(async () => equal(await statusText(session), '105 of 105 members'));
      await chooseRegion(session, 'Africa');
      await eventually(async () => deepEqual(await visibleCodes(session), [...codesIn('Africa'), 'QZ1'].sort()));
      await chooseRegion(session, 'All');
      await search(session, 'atlan');
      await eventually(async () => deepEqual(await visibleCodes(session), ['QA1']));
    },
  },
  {
    name: 'the browser renders the very markup the build rendered (one markup source)',
    session: { pageLoadStrategy: 'none' },
    async run({ session, origin, server }) {
      // A second directory with the page's layout but no build-time markup, added before the app
      // starts: the app renders it from the same components in the browser. Both are then written
      // out the same way: tags, attributes sorted, text; hydration and rendering markers
      // (comments) left out.
      const wasm = readdirSync(server.root).find((f) => f.endsWith('.wasm'));
      server.setFault(`/${wasm}`, { stallMs: 2000 });
      await session.get(`${origin}/`);
      await eventually(async () => ok(await session.exec(() => {
        if (!document.body || !document.querySelector('footer')) return false;
        const placeholder = Object.assign(document.createElement('div'), { className: 'member-directory' });
        placeholder.setAttribute('data-member-directory', '');
        placeholder.setAttribute('data-map', '');
        // Its own address to share, like the page's (it changes nothing, so writes none).
        placeholder.hidden = true; // out of view, so its map never loads
        document.body.append(placeholder);
        return document.querySelector('[data-member-directory][data-ready]') === null;
      })), 10_000);
      await session.waitFor(() => session.exec(() => document.querySelectorAll('[data-member-directory][data-ready]').length === 2),
        { timeout: 20_000, message: 'both directories to be ready' });
      const [built, rendered] = await session.exec(() => {
        const write = (node) => {
          if (node.nodeType === Node.TEXT_NODE) return node.data;
          if (node.nodeType !== Node.ELEMENT_NODE) return '';
          const attrs = [...node.attributes]
            .filter((a) => !(node.classList.contains('world-map') && a.name === 'data-state'))
            .map((a) => `${a.name}="${a.value.replace(/\bmd\d+-/g, 'md-')}"`).sort().join(' ');
          const inner = node.classList.contains('world-map__canvas') ? '' : [...node.childNodes].map(write).join('');
          return `<${node.localName} ${attrs}>${inner}</${node.localName}>`;
        };
        const [first, second] = document.querySelectorAll('[data-member-directory] > .directory');
        return [write(first), write(second)];
      });
      ok(built.includes('data-code="KE"') && built.includes('type="search"'), 'the build-time directory is complete');
      // Where they part, with some context: the whole strings are 20,000 characters long.
      let at = 0;
      while (at < built.length && built[at] === rendered[at]) at++;
      equal(rendered.slice(at - 120, at + 120), built.slice(at - 120, at + 120), `the renderings differ from character ${at}`);
      equal(rendered.length, built.length);
    },
  },
  {
    name: 'when the WebAssembly cannot start, the page text and list stay readable with a note',
    async run({ session, origin, server }) {
      const wasm = readdirSync(server.root).find((f) => f.endsWith('.wasm'));
      server.setFault(`/${wasm}`, { status: 404, body: 'gone' });
      await session.get(`${origin}/`);
      const note = await session.waitFind('.directory__start-failed', { visible: true, timeout: 20_000 });
      match(await note.text(), /could not start/);
      deepEqual(await visibleCodes(session), codesIn(null));
      match(await (await session.find('h1')).text(), /Governments taking a global stand/);
      ok(await (await session.find('figure blockquote')).isDisplayed());
    },
  },
];
