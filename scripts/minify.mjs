// Minifies the wasm-bindgen JS glue in a Trunk staging folder with terser (Trunk 0.21's own
// minifier rejects this wasm-bindgen's output) and updates the Subresource Integrity hash that
// Trunk already wrote into index.html for it. Usage: node scripts/minify.mjs <staging dir>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { minify } = require('terser');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify.mjs <staging dir>');
  process.exit(2);
}
const indexPath = path.join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const js = index.match(/data-js="\.\/([^"]+\.js)"/)?.[1];
if (!js) {
  console.error('minify: no data-js module in index.html');
  process.exit(1);
}
const file = path.join(dir, js);
const source = readFileSync(file, 'utf8');
const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
writeFileSync(file, code);
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
const link = new RegExp(`(<link[^>]*href="\\./${js.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+(")`);
if (!link.test(index)) {
  console.error(`minify: no integrity attribute for ${js} in index.html`);
  process.exit(1);
}
index = index.replace(link, `$1${integrity}$2`);
writeFileSync(indexPath, index);
console.log(`minify: ${js} ${source.length} -> ${code.length} bytes`);
