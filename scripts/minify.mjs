// Minifies JavaScript in a Trunk staging folder with terser (Trunk 0.21's own minifier rejects
// this wasm-bindgen's output).
//   node scripts/minify.mjs <staging dir>            the wasm-bindgen glue; also updates the
//                                                    Subresource Integrity hash that Trunk wrote
//                                                    for it into index.html
//   node scripts/minify.mjs <staging dir> <file>:module|script...
//                                                    other scripts (the loaders), each as an ES
//                                                    module or a classic script
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { minify } = require('terser');

const [dir, ...files] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/minify.mjs <staging dir> [file...]');
  process.exit(2);
}

async function minifyFile(name, module) {
  const file = path.join(dir, name);
  const source = readFileSync(file, 'utf8');
  const { code } = await minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
  writeFileSync(file, code);
  console.log(`minify: ${name} ${source.length} -> ${code.length} bytes`);
  return code;
}

if (files.length) {
  for (const arg of files) {
    const [name, kind] = arg.split(':');
    if (kind !== 'module' && kind !== 'script') {
      console.error(`minify: say whether ${name} is a module or a script (${name}:module)`);
      process.exit(2);
    }
    await minifyFile(name, kind === 'module');
  }
} else {
  const indexPath = path.join(dir, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  const js = index.match(/data-js="\.\/([^"]+\.js)"/)?.[1];
  if (!js) {
    console.error('minify: no data-js module in index.html');
    process.exit(1);
  }
  const code = await minifyFile(js, true);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  const link = new RegExp(`(<link[^>]*href="\\./${js.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+(")`);
  if (!link.test(index)) {
    console.error(`minify: no integrity attribute for ${js} in index.html`);
    process.exit(1);
  }
  index = index.replace(link, `$1${integrity}$2`);
  writeFileSync(indexPath, index);
}
