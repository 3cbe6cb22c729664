#!/usr/bin/env node
// E2E runner.
//   node tests/e2e/run.mjs [--dist dist] [--engines chromium,firefox,webkit] [--grep text]
//                          [--self-test] [--timeout ms] [--spa] [--html-header 'Name: value']...
// Test files are tests/e2e/*.test.mjs exporting `tests` (or a default export):
//   [{name, run: async ({session, server, origin, engine, artefacts}) => {},
//     timeout?: ms, engines?: ['chromium', ...], session?: newSession options}]
// Files exporting `selfTest = true` run only with --self-test, against
// tests/e2e/fixtures/harness instead of the app.
// Every test gets a fresh browser session and a reset server (no faults, headers or counts).
// A missing geckodriver / WebKitWebDriver skips that engine unless E2E_REQUIRE_ALL=1.
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './lib/server.mjs';
import { driverVersion, newSession, startDriver } from './lib/webdriver.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(projectRoot, 'dist') },
    engines: { type: 'string', default: 'chromium' },
    grep: { type: 'string' },
    'self-test': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '60000' },
    // e.g. --html-header "Content-Security-Policy: default-src 'self'" (repeatable)
    'html-header': { type: 'string', multiple: true, default: [] },
    spa: { type: 'boolean', default: false }, // index.html for unknown extension-less paths
  },
});
const testTimeout = Number(opts.timeout);
const engines = opts.engines.split(',').map((e) => e.trim()).filter(Boolean);
const requireAll = process.env.E2E_REQUIRE_ALL === '1';
// Chromium is the baseline: its absence is always an error.
const optionalEngines = new Set(requireAll ? [] : ['firefox', 'webkit']);

const root = opts['self-test'] ? path.join(here, 'fixtures/harness') : path.resolve(opts.dist);

async function loadTests() {
  const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(here, file)));
    if (Boolean(mod.selfTest) !== opts['self-test']) continue;
    for (const t of mod.tests ?? mod.default ?? []) tests.push({ ...t, file, fullName: `${file.replace(/\.test\.mjs$/, '')}: ${t.name}` });
  }
  return opts.grep ? tests.filter((t) => t.fullName.includes(opts.grep)) : tests;
}

const withTimeout = (promise, ms, what) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
};

const fileSafe = (name) => name.replace(/[^\w.-]+/g, '_').slice(0, 120);

// Everything that must die on Ctrl-C.
const cleanups = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    console.error(`\n${sig}: stopping drivers`);
    await Promise.allSettled([...cleanups].map((fn) => fn()));
    process.exit(130);
  });
}

async function runEngine(engine, tests, server) {
  const artefacts = path.join(projectRoot, 'target/e2e', engine);
  await rm(path.join(artefacts, 'failures'), { recursive: true, force: true });
  await rm(path.join(artefacts, 'driver.log'), { force: true });
  const started = Date.now();
  const summary = { passed: 0, failed: 0, skipped: 0 };
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const boot = () => startDriver(engine, { logFile: path.join(artefacts, 'driver.log') });
  let driver;
  try {
    driver = await boot();
  } catch (err) {
    if (err.code === 'DRIVER_MISSING' && optionalEngines.has(engine)) {
      console.log(`${engine}: skipped, ${err.message} (set E2E_REQUIRE_ALL=1 to make this fatal)`);
      return { ok: true };
    }
    console.log(`${engine}: could not start: ${err.message}`);
    return { ok: false };
  }
  cleanups.add(driver.stop);
  console.log(`# ${engine}: ${driverVersion(engine) ?? path.basename(driver.bin)}, serving ${path.relative(projectRoot, root) || '.'} at ${server.origin}`);

  const restart = async () => {
    await driver.stop();
    cleanups.delete(driver.stop);
    driver = await boot();
    cleanups.add(driver.stop);
  };
  // Browser start-up very occasionally hangs (seen with WebKitGTK); that is not the
  // app's fault, so give it one more go on a fresh driver before failing the test.
  const openSession = async (options) => {
    try {
      return await withTimeout(newSession(driver, options), 30_000, 'new session');
    } catch (err) {
      console.log(`       (new session failed, restarting ${engine} driver: ${err.message})`);
      await restart();
      return withTimeout(newSession(driver, options), 30_000, 'new session');
    }
  };
  let announced = false;

  for (const [index, test] of tests.entries()) {
    if (test.engines && !test.engines.includes(engine)) {
      summary.skipped++;
      console.log(`  skip ${test.fullName} (not for ${engine})`);
      continue;
    }
    server.reset();
    let session;
    let failure;
    try {
      session = await openSession(test.session);
      if (!announced) {
        announced = true;
        const { browserName, browserVersion } = session.capabilities;
        console.log(`# ${engine}: browser ${browserName} ${browserVersion}`);
      }
      await withTimeout(
        test.run({ session, server, origin: server.origin, engine, artefacts }),
        test.timeout ?? testTimeout,
        'test',
      );
    } catch (err) {
      failure = err;
    }

    if (failure) {
      summary.failed++;
      console.log(`  FAIL ${test.fullName}: ${failure.message}`);
      if (process.env.E2E_VERBOSE) console.log(failure.stack);
      if (session) {
        // Still waiting on the driver (e.g. a hung async script)? Chromium queues the
        // screenshot behind it, so don't wait long.
        const busy = session.inflight > 0;
        const file = path.join(artefacts, 'failures', `${fileSafe(test.fullName)}.png`);
        await withTimeout(session.screenshot(file), busy ? 5000 : 15_000, 'failure screenshot')
          .catch((err) => console.log(`       (no screenshot: ${err.message})`));
      }
    } else {
      summary.passed++;
      console.log(`  ok   ${test.fullName}`);
    }

    // A session that will not close means a wedged browser: start over with a fresh driver.
    const busy = session?.inflight > 0;
    const closed = session ? await session.delete({ timeout: busy ? 3000 : 15_000 }).then(() => true, () => false) : false;
    if (!closed || driver.exited()) {
      try {
        await restart();
      } catch (err) {
        console.log(`${engine}: driver restart failed: ${err.message}`);
        summary.failed += tests.length - index - 1;
        break;
      }
    }
  }

  await driver.stop();
  cleanups.delete(driver.stop);
  const skipped = summary.skipped ? `, ${summary.skipped} skipped` : '';
  console.log(`${engine}: ${summary.passed} passed, ${summary.failed} failed${skipped} (${elapsed()})`);
  return { ok: summary.failed === 0 };
}

async function main() {
  if (!existsSync(path.join(root, 'index.html'))) {
    console.log(`no index.html in ${root}${opts['self-test'] ? '' : ' (build the app with trunk first, or pass --dist)'}`);
    return 1;
  }
  const tests = await loadTests();
  if (tests.length === 0) {
    console.log(`no tests matched${opts.grep ? ` --grep ${JSON.stringify(opts.grep)}` : ''}`);
    return 1;
  }
  const htmlHeaders = Object.fromEntries(opts['html-header'].map((h) => {
    const i = h.indexOf(':');
    if (i < 1) throw new Error(`--html-header wants "Name: value", got ${JSON.stringify(h)}`);
    return [h.slice(0, i).trim(), h.slice(i + 1).trim()];
  }));
  const server = await startServer({ root, htmlHeaders, spaFallback: opts.spa });
  cleanups.add(server.close);
  let ok = true;
  try {
    for (const engine of engines) ok = (await runEngine(engine, tests, server)).ok && ok;
  } finally {
    cleanups.delete(server.close);
    await server.close();
  }
  return ok ? 0 : 1;
}

const code = await main().catch((err) => {
  console.error(err);
  return 1;
});
await Promise.allSettled([...cleanups].map((fn) => fn()));
// Explicit exit: code from a timed-out test may still be polling in the background.
process.exit(code);
