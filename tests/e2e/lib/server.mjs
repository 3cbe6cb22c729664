// Static file server for the built app, with per-path fault injection.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

export const contentTypeFor = (file) =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Faults, keyed by URL pathname (query string ignored):
 *   {status, body?, headers?, contentType?}  respond with this instead of the file
 *   {body, contentType?}                      200 with this body
 *   {stallMs}                                 no response at all for stallMs, then serve normally
 *   {stallMs, partial: true}                  headers + first half of the body, then stall, then the rest
 *   {destroy: true}                           reset the socket before any byte is sent (network error)
 *   {delayMs}                                 alias of {stallMs} for readability in "slow" tests
 *   times: n                                  (any fault) applies to the next n requests only
 */
export async function startServer({
  root,
  port = 0,
  extraHeaders = {}, // added to every response
  htmlHeaders = {}, // added to text/html responses only (e.g. Content-Security-Policy)
  // Browsers silently retry a request whose reused keep-alive socket dies, so with
  // keep-alive a {destroy, times: 1} fault would never reach the app. Off by default.
  keepAlive = false,
  // Serve index.html for extension-less paths that are not files (client-side routes).
  spaFallback = false,
} = {}) {
  root = path.resolve(root);
  const faults = new Map();
  const counts = new Map();
  const timers = new Set();
  let runtimeHeaders = { all: {}, html: {} };

  const later = (ms, fn) => {
    const t = setTimeout(() => { timers.delete(t); fn(); }, ms);
    timers.add(t);
  };

  const takeFault = (pathname) => {
    const fault = faults.get(pathname);
    if (!fault) return null;
    if (fault.times != null && --fault.times <= 0) faults.delete(pathname);
    return fault;
  };

  const headersFor = (type, extra = {}) => {
    const isHtml = type.startsWith('text/html');
    return {
      'Content-Type': type,
      'Cache-Control': 'no-store', // every request must reach us, or counts and faults lie
      ...(keepAlive ? {} : { Connection: 'close' }),
      ...extraHeaders,
      ...runtimeHeaders.all,
      ...(isHtml ? { ...htmlHeaders, ...runtimeHeaders.html } : {}),
      ...extra,
    };
  };

  async function loadFile(pathname) {
    let rel;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return null; // no ../ escapes
    try {
      if (!(await stat(file)).isFile()) return null;
      return { body: await readFile(file), type: contentTypeFor(file) };
    } catch {
      return null;
    }
  }

  function send(req, res, status, headers, body, partialStallMs) {
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? ''));
    res.writeHead(status, { ...headers, 'Content-Length': buf.length });
    if (req.method === 'HEAD') return res.end();
    if (partialStallMs == null) return res.end(buf);
    const half = Math.floor(buf.length / 2);
    res.write(buf.subarray(0, half));
    later(partialStallMs, () => { if (!res.destroyed) res.end(buf.subarray(half)); });
  }

  async function handle(req, res) {
    const { pathname } = new URL(req.url, 'http://localhost');
    counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    const fault = takeFault(pathname);

    if (fault?.destroy) return req.socket.destroy();

    const stall = fault?.stallMs ?? fault?.delayMs;
    if (stall != null && !fault.partial) {
      await new Promise((resolve) => later(stall, resolve));
      if (res.destroyed) return;
    }

    if (fault && (fault.status != null || fault.body != null)) {
      const type = fault.contentType ?? 'text/plain; charset=utf-8';
      const status = fault.status ?? 200;
      const body = fault.body ?? `${status} injected fault`;
      return send(req, res, status, headersFor(type, fault.headers), body, fault.partial ? stall : undefined);
    }

    let file = await loadFile(pathname);
    if (!file && spaFallback && !path.extname(pathname)) file = await loadFile('/');
    if (!file) return send(req, res, 404, headersFor('text/plain; charset=utf-8'), '404 not found');
    send(req, res, 200, headersFor(file.type), file.body, fault?.partial ? stall : undefined);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err?.stack ?? err));
    });
  });
  // Browsers keep connections alive; we must not wait for them on close.
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    port: server.address().port,
    root,
    url: (p = '/') => new URL(p, origin).href,
    setFault(pathname, fault) {
      faults.set(pathname, { ...fault });
    },
    clearFaults() {
      faults.clear();
    },
    /** Headers for responses from now on until reset(); {html: true} limits them to HTML. */
    setHeaders(headers, { html = false } = {}) {
      runtimeHeaders[html ? 'html' : 'all'] = { ...headers };
    },
    getRequestCount: (pathname) => counts.get(pathname) ?? 0,
    requestCounts: () => Object.fromEntries(counts),
    /** Everything a test may have changed: faults, runtime headers, counters, pending stalls. */
    reset() {
      faults.clear();
      counts.clear();
      runtimeHeaders = { all: {}, html: {} };
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections(); // cuts stalled responses still held by the previous session
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
