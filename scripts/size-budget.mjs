// Fails when the WebAssembly and every script the build ships (the wasm-bindgen glue, the two
// loaders boot.js and embed.js, and the embed builder's script), brotli-compressed (quality 11,
// as served), weigh more than the budget. A visitor downloads the wasm, the glue and one loader.
// Usage: node scripts/size-budget.mjs [dist]   (prints each file, the total and the budget)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** The budget in kB (1,000 bytes): the current size, held. The goal is 80 kB (README.md, "Performance"). */
export const BUDGET_KB = 130;

/** Each shipped `.js` and `.wasm` file of `dist` with its raw and brotli size in bytes. */
export function measure(dist) {
  const files = readdirSync(dist).filter((name) => /\.(js|wasm)$/.test(name)).sort();
  if (!files.some((name) => name.endsWith('.wasm'))) throw new Error(`no .wasm in ${dist}: build first`);
  return files.map((name) => {
    const body = readFileSync(path.join(dist, name));
    const brotli = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
    return { name, bytes: body.length, brotli };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = measure(process.argv[2] ?? 'dist');
  for (const { name, bytes, brotli } of files) {
    console.log(`  ${name}: ${(bytes / 1000).toFixed(1)} kB, ${(brotli / 1000).toFixed(1)} kB brotli`);
  }
  const total = files.reduce((sum, f) => sum + f.brotli, 0);
  const verdict = total <= BUDGET_KB * 1000 ? 'within' : 'OVER';
  console.log(`wasm + JS: ${(total / 1000).toFixed(1)} kB brotli, budget ${BUDGET_KB} kB: ${verdict}`);
  if (verdict === 'OVER') process.exit(1);
}
