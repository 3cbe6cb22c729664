// Static server for the benchmark: serves what a production host would (precompressed
// siblings, brotli otherwise), lets the bench swap a path's body, and logs the bytes sent.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { contentTypeFor } from '../../tests/e2e/lib/server.mjs';

const brotli = promisify(zlib.brotliCompress);
const BROTLI_MAX = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };

/** Asset type as the report groups it, from the response's content type. */
export function assetType(contentType) {
  const type = contentType.split(';')[0].trim();
  if (type === 'text/html') return 'html';
  if (type === 'text/css') return 'css';
  if (type === 'text/javascript') return 'js';
  if (type === 'application/wasm') return 'wasm';
  if (type === 'application/json') return 'json';
  return 'other';
}

// What README's "Deploying" asks of a host: hashed files cached for a year, the rest revalidated.
// (no-store would also keep every page out of the back/forward cache, which Lighthouse audits.)
const cacheControl = (pathname) =>
  /-[0-9a-f]{8,}(_bg)?\.\w+$/.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';

const accepts = (req, coding) =>
  (req.headers['accept-encoding'] ?? '').split(',').some((part) => part.trim().split(';')[0] === coding);

async function readIfFile(file) {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

export async function startServer({ root }) {
  root = path.resolve(root);
  const overrides = new Map();
  const compressed = new Map(); // on-the-fly brotli, keyed by path (bodies never change under a key)
  let log = [];

  async function resolveFile(pathname) {
    const rel = decodeURIComponent(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) return null;
    const body = await readIfFile(file);
    return body && { file, body, contentType: contentTypeFor(file) };
  }

  // Precompressed siblings first, as a production host would; brotli 11 when the build has none.
  async function encode(req, key, file, body) {
    if (file && accepts(req, 'br')) {
      const br = await readIfFile(`${file}.br`);
      if (br) return { body: br, encoding: 'br' };
    }
    if (file && accepts(req, 'gzip')) {
      const gz = await readIfFile(`${file}.gz`);
      if (gz) return { body: gz, encoding: 'gzip' };
    }
    if (!accepts(req, 'br')) return { body, encoding: null };
    if (!compressed.has(key)) compressed.set(key, brotli(body, BROTLI_MAX));
    return { body: await compressed.get(key), encoding: 'br' };
  }

  async function handle(req, res) {
    const { pathname } = new URL(req.url, 'http://localhost');
    const override = overrides.get(pathname);
    const found = override
      ? { file: null, body: Buffer.from(override.body), contentType: override.contentType ?? 'application/json' }
      : await resolveFile(pathname);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const key = override ? `override:${pathname}:${override.generation}` : pathname;
    const { body, encoding } = await encode(req, key, found.file, found.body);
    res.writeHead(200, {
      'Content-Type': found.contentType,
      'Content-Length': body.length,
      'Cache-Control': cacheControl(pathname),
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ pathname, type: assetType(found.contentType), encoding, bytes: body.length, rawBytes: found.body.length });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err?.stack ?? err));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  let generation = 0;

  return {
    origin,
    url: (p) => new URL(p, origin).href,
    /** Serve `body` at `pathname` instead of the file (same shape as tests/e2e's setFault). */
    setFault(pathname, { body, contentType }) {
      overrides.set(pathname, { body, contentType, generation: ++generation });
    },
    clearFaults: () => overrides.clear(),
    /** Responses sent since the last call, and a fresh log from now on. */
    takeLog() {
      const taken = log;
      log = [];
      return taken;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
