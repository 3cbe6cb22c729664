// Fails when the WebAssembly and its JS glue, brotli-compressed (quality 11, as served),
// weigh more than the budget: what every visitor downloads before the filters work.
// Usage: node scripts/size-budget.mjs [dist]   (prints each file, the total and the budget)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The budget in kB (1,000 bytes). The goal is 80 kB; see README.md, "Performance". */
export const BUDGET_KB = 120;

const dist = process.argv[2] ?? 'dist';
const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = ['data-js', 'data-wasm'].map((attr) => {
  const name = index.match(new RegExp(`${attr}="\\./([^"]+)"`))?.[1];
  if (!name) throw new Error(`no ${attr} in ${dist}/index.html`);
  return name;
});
let total = 0;
for (const name of files) {
  const body = readFileSync(path.join(dist, name));
  const brotli = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length;
  total += brotli;
  console.log(`  ${name}: ${(body.length / 1000).toFixed(1)} kB, ${(brotli / 1000).toFixed(1)} kB brotli`);
}
const verdict = total <= BUDGET_KB * 1000 ? 'within' : 'OVER';
console.log(`wasm + JS: ${(total / 1000).toFixed(1)} kB brotli, budget ${BUDGET_KB} kB: ${verdict}`);
if (verdict === 'OVER') process.exit(1);
