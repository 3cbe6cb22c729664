// Proves the harness itself against tests/e2e/fixtures/harness (run with --self-test).
import { assert, deepEqual, equal, eventually, match, ok, rejects } from './lib/assert.mjs';
import { axeAvailable, formatViolations, runAxe } from './lib/axe.mjs';

export const selfTest = true;

const statusText = (session) => session.find('#status').then((el) => el.text());
const activeId = async (session) => (await session.activeElement()).attr('id');
const pngSize = (buf) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });

export const tests = [
  {
    name: 'navigation: get, title, url, link click, back',
    async run({ session, origin }) {
      await session.get(origin + '/');
      equal(await session.title(), 'Harness fixture');
      equal(await session.url(), origin + '/');
      await (await session.find('#other')).click();
      await session.waitFor(async () => (await session.title()) === 'Other page', { message: 'other page' });
      equal(await session.url(), origin + '/other.html');
      await session.back();
      await session.waitFor(async () => (await session.title()) === 'Harness fixture', { message: 'back to index' });
    },
  },
  {
    name: 'find, sendKeys, click, clear and element getters',
    async run({ session, origin }) {
      await session.get(origin);
      const input = await session.find('#item');
      await input.sendKeys('Second item');
      equal(await input.prop('value'), 'Second item');
      await (await session.find('#add')).click();
      await eventually(async () => deepEqual(
        await Promise.all((await session.findAll('#items li')).map((li) => li.text())),
        ['First item', 'Second item'],
      ));
      equal(await input.prop('value'), '');
      await input.sendKeys('x');
      await input.clear();
      equal(await input.prop('value'), '');

      const add = await session.find('#add');
      equal(await add.attr('type'), 'submit');
      equal(await add.tagName(), 'button');
      ok(await add.isDisplayed());
      // Chromium reports rgba(..., 1) where the others say rgb(...).
      match(await add.css('background-color'), /^rgba?\(0, 80, 160(, 1)?\)$/);
      const rect = await add.rect();
      ok(rect.width > 0 && rect.height > 0, `rect ${JSON.stringify(rect)}`);
      ok(await (await session.findByText('Add item')).equals(add));
      equal(await (await session.findByText('Load', { tag: 'button' })).attr('id'), 'load');
      equal((await session.findAll('#nothing-here')).length, 0);
      await rejects(session.find('#nothing-here'), /no such element/);
      equal(await (await (await session.find('form')).find('label')).text(), 'New item');
    },
  },
  {
    name: 'keyboard: Tab / Shift+Tab move focus, Enter submits, editing keys',
    async run({ session, origin }) {
      await session.get(origin);
      await (await session.find('#item')).click();
      equal(await activeId(session), 'item');
      await session.keys('Tab');
      equal(await activeId(session), 'add');
      await session.keys('Tab');
      equal(await activeId(session), 'load');
      await session.keys('Tab'); // links are tab stops too (not so in Safari by default)
      equal(await activeId(session), 'other');
      await session.keys('Shift+Tab', 'Shift+Tab', 'Shift+Tab');
      equal(await activeId(session), 'item');

      await session.keys('abc', 'ArrowLeft', 'Backspace', 'X');
      equal(await (await session.find('#item')).prop('value'), 'aXc');
      await session.keys('Enter');
      await eventually(async () => equal((await session.findAll('#items li')).length, 2));
      equal(await (await session.findAll('#items li'))[1].text(), 'aXc');

      // Space activates a focused button.
      await session.exec(() => document.getElementById('load').focus());
      await session.keys('Space');
      await eventually(async () => equal(await statusText(session), 'loaded 3 items'));
    },
  },
  {
    name: 'exec and execAsync: values, element arguments, promises',
    async run({ session, origin }) {
      await session.get(origin);
      equal(await session.exec('return arguments[0] + arguments[1];', 2, 3), 5);
      deepEqual(await session.exec((a) => ({ doubled: a.map((x) => x * 2) }), [1, 2]), { doubled: [2, 4] });
      const button = await session.exec(() => document.querySelector('#add'));
      equal(await button.attr('id'), 'add');
      equal(await session.exec((el) => el.textContent, button), 'Add item');
      equal(await session.execAsync('const done = arguments[arguments.length - 1]; setTimeout(() => done(42), 50);'), 42);
      equal(await session.execAsync(async (ms) => { await new Promise((r) => setTimeout(r, ms)); return 'late'; }, 20), 'late');
      await rejects(session.execAsync(async () => { throw new Error('boom'); }), /boom/);
      await rejects(session.exec('throw new Error("kaput")'), /javascript error.*kaput|kaput/);
    },
  },
  {
    name: 'screenshot: full page is taller than the viewport',
    async run({ session, origin, artefacts }) {
      await session.get(origin);
      const { innerH, dpr } = await session.exec(() => ({ innerH: window.innerHeight, dpr: window.devicePixelRatio }));
      const png = await session.screenshot(`${artefacts}/smoke-full.png`);
      const full = pngSize(png);
      const view = pngSize(await session.screenshot(null, { fullPage: false }));
      ok(full.height >= 2400 * dpr, `full-page height ${full.height} (viewport ${innerH})`);
      ok(view.height <= Math.ceil(innerH * dpr) + 1, `viewport height ${view.height} vs ${innerH}`);
      // The bottom of the page was painted, not left black (WebKitGTK did that without a frame wait).
      const [r, g, b] = await session.exec(async (data, y) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + data;
        await img.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return Array.from(ctx.getImageData(img.width / 2, y, 1, 1).data);
      }, png.toString('base64'), full.height - Math.round(60 * dpr));
      ok(r > 100 && g > 150 && b > 200, `bottom pixel rgb(${r}, ${g}, ${b}) should be the light blue gradient`);
      // The window is restored afterwards.
      equal(await session.exec(() => window.innerHeight), innerH);
    },
  },
  {
    name: 'faults: 500 once then recovers on retry',
    async run({ session, server, origin }) {
      server.setFault('/data.json', { status: 500, times: 1 });
      await session.get(origin);
      await (await session.find('#load')).click();
      await eventually(async () => equal(await statusText(session), 'loaded 3 items'));
      equal(server.getRequestCount('/data.json'), 2);
    },
  },
  {
    name: 'faults: persistent 500, network error, custom body, stall',
    async run({ session, server, origin }) {
      await session.get(origin);
      const load = await session.find('#load');

      server.setFault('/data.json', { status: 503 });
      await load.click();
      await eventually(async () => equal(await statusText(session), 'failed: HTTP 503'));

      server.setFault('/data.json', { destroy: true });
      const before = server.getRequestCount('/data.json');
      await load.click();
      await eventually(async () => match(await statusText(session), /^failed: (?!HTTP)/));
      // One request per fetch: the server's Connection: close stops silent browser retries.
      equal(server.getRequestCount('/data.json') - before, 2);

      server.setFault('/data.json', { body: '{"items": [1]}', contentType: 'application/json' });
      await load.click();
      await eventually(async () => equal(await statusText(session), 'loaded 1 items'));

      server.setFault('/data.json', { stallMs: 1500, times: 1 });
      const t0 = Date.now();
      await load.click();
      await session.waitFor(async () => (await statusText(session)) === 'loaded 3 items', { timeout: 5000 });
      ok(Date.now() - t0 >= 1400, `stall lasted ${Date.now() - t0} ms`);

      server.setFault('/data.json', { stallMs: 1000, partial: true, times: 1 });
      await load.click();
      await eventually(async () => equal(await statusText(session), 'loaded 3 items'), 5000);
    },
  },
  {
    name: 'server: content types, 404, runtime headers',
    async run({ session, server, origin }) {
      server.setHeaders({ 'X-Test': 'yes' }, { html: true });
      await session.get(origin);
      const probe = (p) => session.exec(async (url) => {
        const r = await fetch(url);
        return { status: r.status, type: r.headers.get('content-type'), test: r.headers.get('x-test'), cache: r.headers.get('cache-control') };
      }, p);
      deepEqual(await probe('/'), { status: 200, type: 'text/html; charset=utf-8', test: 'yes', cache: 'no-store' });
      equal((await probe('/style.css')).type, 'text/css; charset=utf-8');
      equal((await probe('/data.json')).type, 'application/json');
      equal((await probe('/style.css')).test, null);
      equal((await probe('/missing.js')).status, 404);
      equal((await probe('/../../package.json')).status, 404);
    },
  },
  {
    name: 'isolation: faults and counts from earlier tests are gone',
    async run({ session, server, origin }) {
      equal(server.getRequestCount('/data.json'), 0);
      await session.get(origin);
      await (await session.find('#load')).click();
      await eventually(async () => equal(await statusText(session), 'loaded 3 items'));
      equal(await (await session.find('#item')).prop('value'), '');
    },
  },
  {
    name: 'waitFor reports what it waited for',
    async run({ session, origin }) {
      await session.get(origin);
      await rejects(session.waitFor(() => false, { timeout: 200, message: 'the impossible' }), /waiting for the impossible/);
      const el = await session.waitFind('#add', { visible: true });
      equal(await el.text(), 'Add item');
    },
  },
  {
    name: 'axe-core can be injected and finds no violations on the fixture',
    async run({ session, origin }) {
      if (!axeAvailable()) return; // tools/node_modules not installed yet
      await session.get(origin);
      const violations = await runAxe(session);
      equal(violations.length, 0, formatViolations(violations));
      // And it does report real problems.
      await session.exec(() => document.getElementById('item').labels[0].remove());
      const after = await runAxe(session, { options: { runOnly: ['wcag2a'] } });
      ok(after.some((v) => v.id === 'label'), formatViolations(after));
    },
  },
  {
    name: 'exec and axe still work under a strict Content-Security-Policy',
    async run({ session, server, origin }) {
      server.setHeaders({ 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" }, { html: true });
      await session.get(origin);
      // The fixture's inline script is blocked...
      equal(await session.exec(() => window.fixtureScriptRan), null);
      // ...but WebDriver scripts are exempt from CSP.
      equal(await session.exec(() => 6 * 7), 42);
      if (axeAvailable()) {
        const violations = await runAxe(session);
        equal(violations.length, 0, formatViolations(violations));
      }
    },
  },
  {
    name: 'per-test session options: pageLoadStrategy none with a stalled stylesheet',
    session: { pageLoadStrategy: 'none' },
    async run({ session, server, origin }) {
      server.setFault('/style.css', { stallMs: 20_000 });
      const t0 = Date.now();
      await session.get(origin); // would block until the page-load timeout with 'normal'
      ok(Date.now() - t0 < 5000, `get took ${Date.now() - t0} ms`);
      await session.waitFor(() => server.getRequestCount('/style.css') === 1, { message: 'stylesheet request' });
      equal(await session.exec(() => document.readyState), 'loading');
    },
  },
  {
    name: 'frames: switch into an iframe and back',
    async run({ session, origin }) {
      await session.get(origin);
      await session.exec(() => new Promise((resolve) => {
        const frame = Object.assign(document.createElement('iframe'), { src: '/other.html', title: 'Other' });
        frame.onload = resolve;
        document.querySelector('main').append(frame);
      }));
      await session.switchToFrame(await session.find('iframe'));
      equal(await (await session.find('h1')).text(), 'Other page');
      await session.switchToParentFrame();
      equal(await (await session.find('h1')).text(), 'Harness fixture');
      await session.switchToFrame(0);
      equal(await session.exec(() => location.pathname), '/other.html');
      await session.switchToFrame(null);
      equal(await session.exec(() => location.pathname), '/');
    },
  },
];
