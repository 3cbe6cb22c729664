#!/usr/bin/env node
// E2E launcher: runs the suite (lib/suite.mjs) with node:test, reporting in TAP.
//   node tests/e2e/run.mjs [--dist dist] [--engines chromium,firefox,webkit] [--grep text]
//                          [--timeout ms] [--spa] [--html-header 'Name: value']...
// Test files are tests/e2e/*.test.mjs exporting `tests` (or a default export):
//   [{name, run: async ({session, server, origin, engine, artefacts}) => {},
//     timeout?: ms, engines?: ['chromium', ...], session?: newSession options}]
// `session` is lib/webdriver.mjs's Session, `server` lib/server.mjs's test server.
// Every test gets a fresh browser session and a reset server (no faults, headers or counts).
// A missing geckodriver / WebKitWebDriver skips that engine unless E2E_REQUIRE_ALL=1.
// The exit code is 1 when any test failed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { tap } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: path.resolve(here, '../../dist') },
    engines: { type: 'string', default: 'chromium' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '60000' },
    // e.g. --html-header "Content-Security-Policy: default-src 'self'" (repeatable)
    'html-header': { type: 'string', multiple: true, default: [] },
    spa: { type: 'boolean', default: false }, // index.html for unknown extension-less paths
  },
});

const dist = path.resolve(opts.dist);
if (!existsSync(path.join(dist, 'index.html'))) {
  console.log(`no index.html in ${dist} (build the app with trunk first, or pass --dist)`);
  process.exit(1);
}
const htmlHeaders = Object.fromEntries(opts['html-header'].map((h) => {
  const i = h.indexOf(':');
  if (i < 1) throw new Error(`--html-header wants "Name: value", got ${JSON.stringify(h)}`);
  return [h.slice(0, i).trim(), h.slice(i + 1).trim()];
}));
process.env.E2E_OPTIONS = JSON.stringify({
  dist,
  engines: opts.engines.split(',').map((e) => e.trim()).filter(Boolean),
  grep: opts.grep,
  timeout: Number(opts.timeout),
  htmlHeaders,
  spa: opts.spa,
});

// Ctrl-C reaches the suite's process too; it stops the drivers and browsers it started.
const stop = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop.abort());

let failed = false;
// forceExit: a timed-out test may still be polling in the background when the rest is done.
const stream = run({ files: [path.join(here, 'lib/suite.mjs')], forceExit: true, signal: stop.signal });
stream.on('test:fail', () => { failed = true; });
stream.compose(tap).pipe(process.stdout);
stream.on('end', () => { process.exitCode = stop.signal.aborted ? 130 : failed ? 1 : 0; });
