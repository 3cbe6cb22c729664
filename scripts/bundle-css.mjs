// Trunk pre-build hook: joins each stylesheet entry in style/ with the files it @imports into one
// file in <out dir>, without comments, which index.html hands to Trunk to hash and give an
// integrity attribute. One request per page, and the same bytes on every run.
//
// Usage: node scripts/bundle-css.mjs <out dir> <entry.css>...
//
// An entry (or a list it imports, such as style/components.css) is comments and
// `@import url("relative/path.css");` lines only; the files it names hold the rules and import
// nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const IMPORT = /@import\s+url\("([^"]+)"\)\s*;/y;
const COMMENT = /\/\*[\s\S]*?\*\//y;
const SPACE = /\s+/y;

const sticky = (pattern, text, at) => {
  pattern.lastIndex = at;
  return pattern.exec(text);
};

/** The paths a list file imports, or null if `css` holds rules (a leaf to copy as it is). */
function importsOf(css, file) {
  const imports = [];
  let at = 0;
  while (at < css.length) {
    const match = sticky(SPACE, css, at) ?? sticky(COMMENT, css, at) ?? sticky(IMPORT, css, at);
    if (!match) break;
    if (match[1]) imports.push(match[1]);
    at += match[0].length;
  }
  if (at < css.length && imports.length > 0) {
    throw new Error(`${file}: a file that imports others holds nothing else`);
  }
  if (at < css.length && /@import\b/.test(css.slice(at))) {
    throw new Error(`${file}: only lists of \`@import url("file.css");\` lines may import`);
  }
  return at < css.length ? null : imports;
}

/** `css` without its comments, which are for the people who edit style/, not for browsers. */
function withoutComments(css) {
  return css.replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\//g, (match, string) => string ?? '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function bundle(file, seen = []) {
  if (seen.includes(file)) throw new Error(`import cycle: ${[...seen, file].join(' -> ')}`);
  const css = readFileSync(file, 'utf8');
  const imports = importsOf(css, file);
  if (!imports) return [`${withoutComments(css)}\n`];
  return imports.flatMap((name) => bundle(path.resolve(path.dirname(file), name), [...seen, file]));
}

const [outDir, ...entries] = process.argv.slice(2);
if (!outDir || entries.length === 0) {
  console.error('usage: node scripts/bundle-css.mjs <out dir> <entry.css>...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
for (const entry of entries) {
  const css = [
    `/* Built from ${entry} and the files it imports by scripts/bundle-css.mjs. */\n`,
    ...bundle(path.resolve(entry)),
  ].join('\n');
  const target = path.join(outDir, path.basename(entry));
  // Rewriting an unchanged file would wake `trunk serve`'s watcher for nothing.
  if (!existsSync(target) || readFileSync(target, 'utf8') !== css) writeFileSync(target, css);
}
