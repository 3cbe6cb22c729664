// Makes the app's code download after the first paint instead of competing with the page for
// bandwidth (Trunk preloads it from the <head>): removes the preload links Trunk wrote for the
// wasm and its JS glue and hands their Subresource Integrity hashes to the boot script
// (`data-js-integrity`, `data-wasm-integrity`), which fetches both, checked, once the page has
// painted. Run after scripts/minify.mjs, which settles the glue's hash.
// Usage: node scripts/defer-app.mjs <staging dir>
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/defer-app.mjs <staging dir>');
  process.exit(2);
}
const indexPath = path.join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const boot = index.match(/<script type="module"[^>]*\sdata-js="([^"]+)"[^>]*\sdata-wasm="([^"]+)"[^>]*>/);
if (!boot) {
  console.error('defer-app: no boot script with data-js and data-wasm in index.html');
  process.exit(1);
}
const [tag, js, wasm] = boot;
const integrities = {};
for (const [key, href] of [['js', js], ['wasm', wasm]]) {
  const link = [...index.matchAll(/<link\b[^>]*>/g)].map(([l]) => l)
    .find((l) => /\srel="(?:module)?preload"/.test(l) && l.includes(` href="${href}"`));
  const integrity = link?.match(/\sintegrity="([^"]+)"/)?.[1];
  if (!integrity) {
    console.error(`defer-app: no preload with an integrity hash for ${href} in index.html`);
    process.exit(1);
  }
  integrities[key] = integrity;
  index = index.replace(link, '');
}
index = index.replace(tag, tag.replace(/>$/, ` data-js-integrity="${integrities.js}" data-wasm-integrity="${integrities.wasm}">`));
writeFileSync(indexPath, index);
console.log('defer-app: app code fetched after first paint, integrity kept');
