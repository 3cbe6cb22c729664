// Replaces index.html's boot script with a small inline module (public/start.inline.js) that
// asks for boot.js once the page has painted, and names that inline script's hash in the page's
// Content-Security-Policy in dist/_headers, so the policy still allows no other inline script.
// embed.html keeps loading boot.js directly: in a partner's frame it applies the partner's
// theme before the first paint. Run after the build step has written embed.html.
// Usage: node scripts/inline-start.mjs <staging dir>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { minify } = require('terser');

/** The script source of the page's policy in _headers; the hash goes beside it. */
const SCRIPT_SRC = "script-src 'self'";

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/inline-start.mjs <staging dir>');
  process.exit(2);
}
const fail = (message) => {
  console.error(`inline-start: ${message}`);
  process.exit(1);
};

const source = readFileSync(new URL('../public/start.inline.js', import.meta.url), 'utf8');
const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

const indexPath = path.join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8');
const boot = index.match(/<script type="module" src="([^"]+)"([^>]*\sdata-wasm-integrity="[^"]+"[^>]*)><\/script>/);
if (!boot) fail('no boot script with integrity hashes in index.html (run scripts/defer-app.mjs first)');
const [tag, src, attributes] = boot;
writeFileSync(indexPath, index.replace(tag, `<script type="module" data-boot="${src}"${attributes}>${code}</script>`));

// The policies of the paths that serve index.html get the hash; the other pages have no inline script.
const PAGE_PATHS = ['/', '/index.html'];
const headersPath = path.join(dir, '_headers');
let route = null;
let hashed = 0;
const headers = readFileSync(headersPath, 'utf8').split('\n').map((line) => {
  if (/^\S/.test(line) && !line.startsWith('#')) route = line.trim();
  if (!PAGE_PATHS.includes(route) || !line.includes('Content-Security-Policy:')) return line;
  if (!line.includes(`${SCRIPT_SRC} `)) fail(`the policy for ${route} in _headers has no "${SCRIPT_SRC} "`);
  hashed += 1;
  return line.replace(`${SCRIPT_SRC} `, `${SCRIPT_SRC} ${hash} `);
});
if (hashed !== PAGE_PATHS.length) fail(`expected a Content-Security-Policy for each of ${PAGE_PATHS.join(', ')} in _headers`);
writeFileSync(headersPath, headers.join('\n'));
console.log(`inline-start: boot.js requested after first paint; the page's CSP allows ${hash}`);
