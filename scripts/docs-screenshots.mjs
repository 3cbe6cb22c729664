#!/usr/bin/env node
// Takes the README's screenshots and the "after" half of the visitor-pass pairs
// (docs/visitor-pass/), in headless Chromium, from a release build served by the e2e test server.
//   node scripts/docs-screenshots.mjs [dist]      (build first: trunk build --release)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { startDriver } from '../tests/e2e/lib/drivers.mjs';
import { newSession } from '../tests/e2e/lib/webdriver.mjs';
import { chooseRegion, emulatePrint, waitForDirectory, waitForMap } from '../tests/e2e/lib/directory.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.argv[2] ?? 'dist');
const docs = (name) => path.join(root, 'docs', name);
const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scrolls so that `css` sits at the top of the window, as a visitor reaching it would see it. */
const scrollTo = (session, css) => session.exec((sel) => document.querySelector(sel).scrollIntoView(), css);

const scenes = [
  ['screenshot-desktop.png', [1280, 900], async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForDirectory(session);
    return { fullPage: true };
  }],
  ['screenshot-phone.png', [390, 900], async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForDirectory(session);
    return { fullPage: true };
  }],
  ['screenshot-map.png', [1280, 900], async ({ session, origin }) => {
    await session.get(`${origin}/?region=africa`);
    await waitForMap(session);
    await session.exec(() => document.querySelector('.world-map svg [data-code="KE"][data-target]').focus());
    return { element: '.world-map' };
  }],
  ['screenshot-arabic.png', [1280, 900], async ({ session, origin }) => {
    await session.get(`${origin}/?lang=ar`);
    await waitForDirectory(session);
    await settle();
    await scrollTo(session, '#members');
    return {};
  }],
  // Taking the list away: a search that finds members by other names, then the buttons below.
  ...[1280, 390].map((width) => [`take-away-${width}.png`, [width, 900], async ({ session, origin }) => {
    await session.get(`${origin}/?q=republic`);
    await waitForDirectory(session);
    // On a phone, from the last cards down to the buttons.
    await scrollTo(session, width > 600 ? '.search' : 'li[data-code="TZ"]');
    return {};
  }]),
  // The embed builder (EMBEDDING.md), with a configured inline preview.
  ...[[1280, 1150], [390, 900]].map(([width, height]) => [`embed-builder${width < 600 ? '-390' : ''}.png`, [width, height], async ({ session, origin }) => {
    await session.get(`${origin}/embed-builder.html?mode=inline&region=europe&controls=search&md-color-accent=%23006d5b`);
    await session.waitFor(() => session.exec(() => document.querySelector('#builder-preview [data-member-directory]')
      ?.shadowRoot?.querySelector('[data-ready] li[data-code]') != null), { timeout: 20_000, message: 'the preview' });
    return { fullPage: width < 600 };
  }]),
  ['print-preview.png', [794, 1123], async ({ session, origin }) => {
    await session.get(`${origin}/?region=africa`);
    await waitForDirectory(session);
    await emulatePrint(session);
    return { fullPage: true };
  }],
  ['visitor-pass/after-error-1280.png', [1280, 900], async ({ session, origin, server }) => {
    server.setFault('/members.json', { body: '{"version":1,"members":[{"name":"Alb', contentType: 'application/json' });
    await session.get(`${origin}/`);
    await session.waitFind('[role=alert]', { visible: true, timeout: 20_000 });
    await scrollTo(session, '#members');
    return {};
  }],
  ...[1280, 390].map((width) => [`visitor-pass/after-africa-${width}.png`, [width, 900], async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForDirectory(session);
    await scrollTo(session, '.region-filter');
    await chooseRegion(session, 'Africa');
    return {};
  }]),
  ['visitor-pass/after-map-focus-angola.png', [1280, 900], async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForMap(session);
    await session.exec(() => document.querySelector('.world-map svg [data-code="AO"][data-target]').focus());
    return { element: '.world-map__stage' };
  }],
  ['visitor-pass/after-map-hover-lux.png', [1280, 900], async ({ session, origin }) => {
    await session.get(`${origin}/?region=europe`);
    await waitForMap(session);
    await settle(); // the zoom to Europe
    const luxembourg = await session.find('.world-map svg circle[data-code="LU"]');
    await session.call('performActions', [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', origin: luxembourg, x: 0, y: 0 }] }]);
    return { element: '.world-map__stage' };
  }],
  ['visitor-pass/after-partner-inline-390.png', [390, 900], async ({ session, origin, server }) => {
    server.setFault('/inline.html', {
      body: '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width"><title>A partner page</title>'
        + '<h1>Search-only list (inline)</h1><div data-member-directory data-mode="inline" data-controls="search"></div>'
        + '<h2>Every region (inline)</h2><div data-member-directory data-mode="inline"></div><script src="/embed.js"></script>',
      contentType: 'text/html; charset=utf-8',
    });
    await session.get(`${origin}/inline.html`);
    await session.waitFor(() => session.exec(() => [...document.querySelectorAll('[data-mode="inline"]')]
      .every((host) => host.shadowRoot?.querySelector('li[data-code]'))),
      { timeout: 20_000, message: 'both inline embeds' });
    return {};
  }],
];

const server = await startServer({ root: dist });
const driver = await startDriver('chromium', { logFile: path.join(root, 'target/docs-screenshots-driver.log') });
try {
  for (const [name, windowSize, scene] of scenes) {
    server.reset();
    const session = await newSession(driver, { windowSize });
    try {
      const { fullPage = false, element } = await scene({ session, origin: server.origin, server });
      await settle();
      if (element) await (await session.find(element)).screenshot(docs(name));
      else await session.screenshot(docs(name), { fullPage });
      console.log(`docs/${name}`);
    } finally {
      await session.delete();
    }
  }
} finally {
  await driver.stop();
  await server.close();
}
