// Content before WebAssembly: the build-time page is complete, and the app takes it over
// without anything moving; if the app cannot start, the page stays readable.
import { readdirSync } from 'node:fs';
import { deepEqual, equal, eventually, match, ok } from './lib/assert.mjs';
import { codesIn, statusText, visibleCodes, waitForDirectory } from './lib/directory.mjs';

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
    name: 'the whole list is in the HTML before WebAssembly, with inert controls',
    session: { pageLoadStrategy: 'none' },
    async run({ session, origin, server, dist }) {
      // Hold the data back so the build-time markup is what the visitor sees.
      server.setFault('/members.json', { stallMs: 4000 });
      await session.get(`${origin}/`);
      await eventually(async () => equal(
        await session.exec(() => document.querySelectorAll('[data-member-directory] li[data-code]').length), 103));
      equal(await session.exec(() => document.querySelector('[data-member-directory] fieldset').disabled), true);
      equal(await statusText(session), '103 of 103 members');
      const before = await layout(session);
      await waitForDirectory(session);
      await session.waitFor(() => session.exec(() => !document.querySelector('[data-member-directory] fieldset').disabled),
        { timeout: 20_000, message: 'the app to take over' });
      const after = await layout(session);
      deepEqual(after, before, 'nothing moves when the app takes over');
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
