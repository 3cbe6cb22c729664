// Stages what the bench serves: a snapshot of dist/ (another build may replace dist/ while we
// measure), the static page, the vanilla page, and synthetic member lists.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'];

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i'))?.[1] ?? null;

/** Local asset URLs a page references (href/src/data-js/data-wasm), without query or hash. */
function referencedAssets(html) {
  const urls = [...html.matchAll(/\s(?:href|src|data-js|data-wasm)\s*=\s*"([^"]+)"/gi)].map((m) => m[1]);
  return urls.filter((u) => !/^(data:|https?:|#|mailto:)/.test(u)).map((u) => u.split(/[?#]/)[0]);
}

async function snapshotDist(dist, site) {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: build first (scripts/bench does)`);
  await rm(site, { recursive: true, force: true });
  await cp(dist, site, { recursive: true });
  const html = await readFile(path.join(site, 'index.html'), 'utf8');
  const missing = referencedAssets(html).filter((u) => !existsSync(path.join(site, u)));
  if (missing.length) throw new Error(`dist/ is incomplete (a build in progress?): missing ${missing.join(', ')}`);
  return html;
}

/** Is this <link> a preload of code (js/wasm), which the static page must not have? */
function preloadsCode(tag) {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('modulepreload')) return true;
  if (!rel.includes('preload')) return false;
  const href = attr(tag, 'href') ?? '';
  return /\.(m?js|wasm)$/i.test(href.split(/[?#]/)[0]) || ['script', 'worker'].includes(attr(tag, 'as'))
    || attr(tag, 'type') === 'application/wasm';
}

/** The app's page with every script and every js/wasm preload removed: the same content, static. */
export function staticPage(indexHtml) {
  return indexHtml
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) => (preloadsCode(tag) ? '' : tag));
}

async function stageVanilla(site, indexHtml) {
  const stylesheet = [...indexHtml.matchAll(/<link\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .find((tag) => (attr(tag, 'rel') ?? '').toLowerCase() === 'stylesheet');
  if (!stylesheet) throw new Error('dist/index.html has no stylesheet link');
  const html = await readFile(path.join(benchDir, 'vanilla.html'), 'utf8');
  await writeFile(path.join(site, 'vanilla.html'), html.replace('href="main.css"', `href="${attr(stylesheet, 'href')}"`));
  await cp(path.join(benchDir, 'vanilla.js'), path.join(site, 'vanilla.js'));
}

/** A deterministic member list of `count` entries in the format of public/members.json. */
export function syntheticMembers(count) {
  const syllables = ['ka', 'lo', 'ri', 'an', 'te', 'vo', 'mu', 'sa', 'ne', 'di', 'por', 'gu', 'el', 'ba', 'shi', 'ton'];
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => {
    const n = 2 + Math.floor(random() * 3);
    const w = Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    return w[0].toUpperCase() + w.slice(1);
  };
  const members = Array.from({ length: count }, (_, i) => {
    const name = random() < 0.3 ? `${word()} ${word()}` : word();
    const region = REGIONS[i % REGIONS.length];
    return {
      name,
      sortName: name,
      code: `S${String(i + 1).padStart(4, '0')}`,
      region,
      subRegion: `${['Northern', 'Southern', 'Eastern', 'Western'][Math.floor(random() * 4)]} ${region}`,
    };
  });
  return JSON.stringify({ version: 1, members });
}

/** Everything under `site`; returns the app's index.html as built. */
export async function stageSite({ dist, site }) {
  await mkdir(path.dirname(site), { recursive: true });
  const indexHtml = await snapshotDist(dist, site);
  await writeFile(path.join(site, 'static.html'), staticPage(indexHtml));
  await stageVanilla(site, indexHtml);
  return indexHtml;
}
