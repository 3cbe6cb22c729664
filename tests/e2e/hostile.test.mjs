// Hostile data, failing networks and a strict Content-Security-Policy: what the visitor sees
// for each case the fault-injecting test server can produce.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { deepEqual, equal, eventually, match, ok } from './lib/assert.mjs';
import {
  chooseRegion, search, statusText, visibleCodes, waitForDirectory, waitForLanguage, waitForMap,
} from './lib/directory.mjs';

/** The Content-Security-Policy that `_headers` (as built into `root`) sets for `route`. */
export function shippedPolicy(root, route) {
  let current = null;
  for (const line of readFileSync(path.join(root, '_headers'), 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) current = line.trim();
    const policy = line.match(/^\s+Content-Security-Policy:\s*(.+)$/)?.[1];
    if (current === route && policy) return policy;
  }
  throw new Error(`no Content-Security-Policy for ${route} in _headers`);
}

const json = (value) => ({ body: typeof value === 'string' ? value : JSON.stringify(value), contentType: 'application/json' });
const list = (members) => json({ version: 1, members });
const member = (name, code, region = 'Europe', extra = {}) => ({ name, sortName: name, code, region, subRegion: 'Somewhere', ...extra });

/** The alert a visitor sees, once it is there. */
async function alertText(session, timeout = 20_000) {
  const alert = await session.waitFind('[role=alert]', { visible: true, timeout });
  return alert.text();
}

/** Loads the page with `members.json` replaced by `fault` and waits for the directory. */
async function loadWith(session, origin, server, fault) {
  server.setFault('/members.json', fault);
  await session.get(`${origin}/`);
  await waitForDirectory(session);
}

export const tests = [
  {
    name: '503 with Retry-After is retried automatically and the list appears',
    async run({ session, origin, server }) {
      server.setFault('/members.json', { status: 503, headers: { 'Retry-After': '1' }, body: 'busy', times: 2 });
      await session.get(`${origin}/`);
      await waitForDirectory(session, { timeout: 30_000 });
      await eventually(async () => ok(server.getRequestCount('/members.json') >= 3, 'two failures, then success'), 15_000);
      await eventually(async () => equal((await visibleCodes(session)).length, 103));
      equal((await session.findAll('[role=alert]')).length, 0);
    },
  },
  {
    name: '429 that never ends: a few retries with backoff, then a plain alert',
    async run({ session, origin, server }) {
      server.setFault('/members.json', { status: 429, body: 'slow down' });
      await session.get(`${origin}/`);
      match(await alertText(session, 30_000), /too many requests/i);
      const count = server.getRequestCount('/members.json');
      ok(count >= 3 && count <= 4, `limited retries (${count} requests, one may be the preload)`);
    },
  },
  {
    name: 'a network error is retried, then explained; "Try again" works once the server recovers',
    async run({ session, origin, server }) {
      server.setFault('/members.json', { destroy: true });
      await session.get(`${origin}/`);
      match(await alertText(session, 30_000), /could not reach the server/);
      server.clearFaults();
      await (await session.findByText('Try again', { tag: 'button' })).click();
      await waitForDirectory(session);
      await eventually(async () => equal((await visibleCodes(session)).length, 103));
    },
  },
  {
    name: 'a response that stalls is abandoned after 10 seconds with a clear message',
    timeout: 60_000,
    async run({ session, origin, server }) {
      server.setFault('/members.json', { stallMs: 40_000 });
      await session.get(`${origin}/`);
      const started = Date.now();
      match(await alertText(session, 30_000), /took too long/);
      const waited = Date.now() - started;
      ok(waited < 25_000, `gave up in bounded time (${waited} ms)`);
    },
  },
  {
    name: 'not JSON: an HTML error page, an empty body, a truncated file each get a named problem, in plain words',
    async run({ session, origin, server }) {
      const cases = [
        [{ body: '<!doctype html><title>Bad gateway</title><h1>502</h1>', contentType: 'text/html' }, /damaged/],
        [{ body: '', contentType: 'application/json' }, /empty/],
        [json('{"version":1,"members":[{"name":"Alba'), /damaged/],
        [json('{"members": "none"}'), /not a member list/],
      ];
      for (const [fault, message] of cases) {
        server.setFault('/members.json', fault);
        await session.get(`${origin}/`);
        match(await alertText(session), message);
      }
    },
  },
  {
    name: 'JSON nested 10,000 deep or a 20 MB body is refused with a message, without freezing',
    async run({ session, origin, server }) {
      server.setFault('/members.json', json(`{"version":1,"members":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`));
      await session.get(`${origin}/`);
      match(await alertText(session), /damaged/);
      const big = `{"version":1,"members":[],"padding":"${'x'.repeat(20 * 1024 * 1024)}"}`;
      server.setFault('/members.json', json(big));
      await session.get(`${origin}/`);
      match(await alertText(session), /far larger than expected/);
      equal(await session.exec(() => 1 + 1), 2, 'the page still responds');
    },
  },
  {
    name: 'invalid and duplicate entries are skipped and counted; the valid ones are shown',
    async run({ session, origin, server }) {
      await loadWith(session, origin, server, list([
        member('Albania', 'AL'),
        { name: 42, code: 'XX', region: 'Europe' },
        { code: 'YY', region: 'Europe' },
        member('Kenya', 'KE', 'Africa', { motto: 'unknown fields are ignored' }),
        member('Albania again', 'AL'),
      ]));
      await eventually(async () => deepEqual(await visibleCodes(session), ['AL', 'KE']));
      const note = await (await session.find('.directory__note')).text();
      equal(note, '3 entries in the member list could not be shown.');
      equal(await statusText(session), '2 of 2 members');
    },
  },
  {
    name: 'a member with an unknown region is listed under "Other"',
    async run({ session, origin, server }) {
      await loadWith(session, origin, server, list([member('Albania', 'AL'), member('Atlantis', 'AQ1', 'Atlantic Ocean')]));
      await chooseRegion(session, 'Other');
      await eventually(async () => deepEqual(await visibleCodes(session), ['AQ1']));
      equal(await statusText(session), '1 of 2 members');
    },
  },
  {
    name: 'hostile names are inert text, right-to-left names keep their direction, NFD names are searchable',
    async run({ session, origin, server }) {
      const long = 'The Very Long Official Name of a Member Government '.repeat(6).trim();
      await loadWith(session, origin, server, list([
        member('<img src=x onerror="window.__pwned=1">', 'IMG'),
        member('javascript:window.__pwned=2', 'JS'),
        member('"Quoted" & \'single\' </li></ul><b>bold</b>', 'QT'),
        member('الإمارات العربية المتحدة', 'AE', 'Asia'),
        member('Co\u0302te d\u2019Ivoire', 'CI', 'Africa'),
        member(long, 'LONG'),
      ]));
      equal(await session.exec(() => document.querySelectorAll('[data-member-directory] img, [data-member-directory] b, [data-member-directory] a').length), 0);
      equal(await session.exec(() => window.__pwned), null, 'no script ran');
      const names = await session.exec(() => Object.fromEntries([...document.querySelectorAll('li[data-code]')]
        .map((li) => [li.dataset.code, li.querySelector('.member__name').textContent])));
      equal(names.IMG, '<img src=x onerror="window.__pwned=1">');
      equal(names.QT, '"Quoted" & \'single\' </li></ul><b>bold</b>');
      equal(await session.exec(() => getComputedStyle(document.querySelector('li[data-code=AE] .member__name')).direction), 'rtl');
      equal(await session.exec(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'layout intact');
      await search(session, 'cote');
      await eventually(async () => deepEqual(await visibleCodes(session), ['CI']));
    },
  },
  {
    name: 'an empty member list shows the empty state, not an error',
    async run({ session, origin, server }) {
      await loadWith(session, origin, server, list([]));
      match(await (await session.find('.directory__empty')).text(), /There are no members to show/);
      equal((await session.findAll('[role=alert]')).length, 0);
      equal(await statusText(session), '0 of 0 members');
    },
  },
  {
    name: 'under the strict Content-Security-Policy nothing is blocked while a visitor uses the page',
    async run({ session, origin, server }) {
      // The policy the build ships for the page (its inline starter's hash included), and where
      // to report a violation; the README recommends the same.
      const policy = shippedPolicy(server.root, '/index.html');
      ok(readFileSync(new URL('../../README.md', import.meta.url), 'utf8').includes(policy), 'README recommends the shipped policy');
      server.setHeaders({ 'Content-Security-Policy': `${policy}; report-uri /csp-report` }, { html: true });
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await chooseRegion(session, 'Asia');
      await search(session, 'ja');
      await eventually(async () => deepEqual(await visibleCodes(session), ['JP']));
      // The map (parsed SVG, styled only by the stylesheet) and another language, right to left.
      await waitForMap(session);
      await (await session.find('nav.languages a[data-lang="ar"]')).click();
      await waitForLanguage(session, 'ar');
      await new Promise((r) => setTimeout(r, 500));
      equal(server.getRequestCount('/csp-report'), 0, 'no securitypolicyviolation reported');
      // The reporting path works in this engine: a real violation is reported.
      await session.exec(() => document.body.setAttribute('style', 'color: red'));
      await eventually(async () => ok(server.getRequestCount('/csp-report') > 0, 'an inline style is reported'), 10_000);
    },
  },
  {
    name: 'a tampered WebAssembly file is refused by Subresource Integrity; no globals are defined',
    async run({ session, origin, server }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const globals = await session.exec(() => Object.keys(window).filter((k) => /wasm|bindgen|leptos|member/i.test(k)));
      deepEqual(globals, []);
      const wasm = readdirSync(server.root).find((f) => f.endsWith('.wasm'));
      // Still a valid module (one extra custom section), so only the integrity check can refuse it.
      const tampered = Buffer.concat([readFileSync(path.join(server.root, wasm)), Buffer.from([0, 5, 4, 116, 101, 115, 116])]);
      server.setFault(`/${wasm}`, { body: tampered, contentType: 'application/wasm' });
      await session.get(`${origin}/`);
      const note = await session.waitFind('.directory__start-failed', { visible: true, timeout: 20_000 });
      match(await note.text(), /could not start/);
    },
  },
];
