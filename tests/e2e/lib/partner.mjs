// A partner's site for the embedding tests: examples/partner/ served on an origin of its own,
// its loader pointing at the directory's origin, as a partner would deploy it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { equal } from './assert.mjs';
import { startServer } from './server.mjs';

const partnerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/partner');

/** Serves the partner example on a second origin, its loader pointing at `embedOrigin`. */
export async function partnerSite(embedOrigin, { includeLoaderTwice = false } = {}) {
  const site = await startServer({ root: partnerRoot });
  let html = readFileSync(path.join(partnerRoot, 'index.html'), 'utf8')
    .replaceAll('http://127.0.0.1:8080/', `${embedOrigin}/`);
  if (includeLoaderTwice) html = html.replace('</body>', `<script src="${embedOrigin}/embed.js" async></script></body>`);
  site.setFault('/', { body: html, contentType: 'text/html; charset=utf-8' });
  site.setFault('/index.html', { body: html, contentType: 'text/html; charset=utf-8' });
  return site;
}

// The embed page's recommended policy: the strict one, except that partners may frame it. The
// host's own origin is named next to 'self': in a sandboxed iframe the document's origin is
// opaque, and WebKit then does not match 'self' against the host (see EMBEDDING.md).
export const embedCsp = (origin) => `default-src 'none'; script-src 'self' ${origin} 'wasm-unsafe-eval'; `
  + `style-src 'self' ${origin}; img-src 'self' data:; font-src 'self'; connect-src 'self' ${origin}; `
  + "base-uri 'none'; form-action 'none'; frame-ancestors *; report-uri /csp-report";

/**
 * A test on the partner's site (`site` in its context), with the directory's origin allowing
 * CORS (inline embeds load the app cross-origin) and, unless `csp` is false, serving its pages
 * under the recommended policy, which the test then finds unviolated.
 */
export const withPartner = (run, { csp = true, ...siteOptions } = {}) => async (ctx) => {
  ctx.server.setHeaders({ 'Access-Control-Allow-Origin': '*' });
  if (csp) ctx.server.setHeaders({ 'Content-Security-Policy': embedCsp(ctx.origin) }, { html: true });
  const site = await partnerSite(ctx.origin, siteOptions);
  try {
    await run({ ...ctx, site });
    if (csp) equal(ctx.server.getRequestCount('/csp-report'), 0, 'the embed page runs under its policy without violations');
  } finally {
    await site.close();
  }
};

/** Visible member codes inside an inline embed's shadow root. */
export const inlineCodes = (session, id) => session.exec((id) => {
  const root = document.getElementById(id).shadowRoot;
  return root ? [...root.querySelectorAll('li[data-code]')]
    .filter((li) => li.getClientRects().length > 0).map((li) => li.dataset.code).sort() : null;
}, id);

/** Waits for an iframe embed to show its filters, and leaves the session inside it. */
export async function waitForFrame(session, id) {
  const frame = await session.waitFind(`#${id} iframe`, { timeout: 20_000 });
  // The iframes load lazily: bring this one into view as a visitor scrolling would.
  await session.exec((el) => el.scrollIntoView(), frame);
  await session.switchToFrame(frame);
  await session.waitFor(() => session.exec(() => document.querySelector('[data-member-directory][data-ready]') !== null),
    { timeout: 20_000, message: `${id}: the directory inside the iframe` });
  return frame;
}

/** Inside the current frame: visible codes, and whether the document scrolls. */
export const frameState = (session) => session.exec(() => ({
  codes: [...document.querySelectorAll('li[data-code]')].filter((li) => li.getClientRects().length > 0)
    .map((li) => li.dataset.code).sort(),
  scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
  contentHeight: Math.ceil(document.body.getBoundingClientRect().height),
}));
