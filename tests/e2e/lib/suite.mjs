// The end-to-end suite as node:test tests: every tests/e2e/*.test.mjs, once per browser engine.
// run.mjs starts this file through node:test's run() and passes its options in E2E_OPTIONS.
// Per engine: one driver and one browser session, reset before each test (tests that ask for
// their own session options get a fresh session); per test: a reset server, a screenshot in
// target/e2e/<engine>/failures/ when it fails, then a fresh session for the next test, and a new
// driver when a session would not close.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './server.mjs';
import { ENGINES, driverVersion, startDriver } from './drivers.mjs';
import { newSession, withTimeout } from './webdriver.mjs';

const testsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectRoot = path.resolve(testsDir, '../..');
const options = JSON.parse(process.env.E2E_OPTIONS ?? '{}');
const root = path.resolve(projectRoot, options.dist ?? 'dist');
const engines = options.engines ?? ['chromium'];
const testTimeout = options.timeout ?? 60_000;
// Chromium is the baseline: its absence is always an error.
const optionalEngines = new Set(process.env.E2E_REQUIRE_ALL === '1' ? [] : ['firefox', 'webkit']);

async function loadTests() {
  const files = (await readdir(testsDir)).filter((f) => f.endsWith('.test.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(testsDir, file)));
    for (const t of mod.tests ?? mod.default ?? []) tests.push({ ...t, fullName: `${file.replace(/\.test\.mjs$/, '')}: ${t.name}` });
  }
  return options.grep ? tests.filter((t) => t.fullName.includes(options.grep)) : tests;
}

const fileSafe = (name) => name.replace(/[^\w.-]+/g, '_').slice(0, 120);
const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// Everything that must die on Ctrl-C (the driver process groups also die on exit, see drivers.mjs).
const cleanups = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await Promise.allSettled([...cleanups].map((fn) => fn()));
    process.exit(130);
  });
}

const tests = await loadTests();
let server;
before(async () => {
  server = await startServer({ root, htmlHeaders: options.htmlHeaders ?? {}, spaFallback: options.spa ?? false });
  cleanups.add(server.close);
});
after(async () => {
  cleanups.delete(server?.close);
  await server?.close();
});

if (tests.length === 0) {
  test(`tests matching --grep ${JSON.stringify(options.grep)}`, () => { throw new Error('no tests matched'); });
}

for (const engine of tests.length ? engines : []) {
  const missing = ENGINES[engine] && !ENGINES[engine].driverBin() && optionalEngines.has(engine);
  const skip = missing && `${ENGINES[engine].driverName} not found on PATH or in ~/.cargo/bin (set E2E_REQUIRE_ALL=1 to make this fatal)`;
  describe(engine, { skip }, () => {
    const artefacts = path.join(projectRoot, 'target/e2e', engine);
    const summary = { passed: 0, failed: 0, skipped: 0 };
    let driver;
    let shared; // the session tests without session options run in, while they pass
    let broken; // why the driver could not be restarted: every later test fails with it
    let announced = false;
    let started;

    const boot = async () => {
      driver = await startDriver(engine, { logFile: path.join(artefacts, 'driver.log') });
      cleanups.add(driver.stop);
    };
    const stop = async () => {
      shared = undefined;
      cleanups.delete(driver?.stop);
      await driver?.stop();
    };
    // Browser start-up very occasionally hangs (seen with WebKitGTK); that is not the
    // app's fault, so give it one more go on a fresh driver before failing the test.
    const openSession = async (sessionOptions) => {
      try {
        return await withTimeout(newSession(driver, sessionOptions), 30_000, 'new session');
      } catch (err) {
        console.log(`(new session failed, restarting the ${engine} driver: ${err.message})`);
        await stop();
        await boot();
        return withTimeout(newSession(driver, sessionOptions), 30_000, 'new session');
      }
    };

    before(async () => {
      started = Date.now();
      await rm(path.join(artefacts, 'failures'), { recursive: true, force: true });
      await rm(path.join(artefacts, 'driver.log'), { force: true });
      await boot();
      console.log(`${engine}: ${driverVersion(engine) ?? path.basename(driver.bin)}, serving ${path.relative(projectRoot, root) || '.'} at ${server.origin}`);
    });
    after(async () => {
      if (!driver) return; // the before hook failed and says why
      await shared?.delete().catch(() => {});
      await stop();
      const skipped = summary.skipped ? `, ${summary.skipped} skipped` : '';
      console.log(`${engine}: ${summary.passed} passed, ${summary.failed} failed${skipped} (${elapsed(started)})`);
    });

    async function runOne(t) {
      if (broken) throw new Error(`no ${engine} driver: restart failed: ${broken.message}`);
      let session;
      let keep = false;
      // Another browser for the test, on a driver of its own (geckodriver and WebKitWebDriver
      // run one session at a time); both go when the test ends.
      const others = [];
      const freshBrowser = async (sessionOptions) => {
        const otherDriver = await startDriver(engine, { logFile: path.join(artefacts, 'driver-2.log') });
        cleanups.add(otherDriver.stop);
        others.push(otherDriver);
        return withTimeout(newSession(otherDriver, sessionOptions), 30_000, 'new session');
      };
      try {
        if (t.session) {
          session = await openSession(t.session);
        } else {
          // A session that will not reset is replaced, like one that will not close.
          const reused = shared && await withTimeout(shared.reset(), 15_000, 'reset session').then(() => true, () => false);
          if (!reused) {
            await shared?.delete({ timeout: 3000 }).catch(() => {});
            shared = await openSession();
          }
          session = shared;
        }
        server.reset(); // after the reset: the last test's page can no longer reach the server
        if (!announced) {
          announced = true;
          const { browserName, browserVersion } = session.capabilities;
          console.log(`${engine}: browser ${browserName} ${browserVersion}`);
        }
        await withTimeout(t.run({ session, server, origin: server.origin, engine, artefacts, freshBrowser }), t.timeout ?? testTimeout, 'test');
        summary.passed++;
        keep = session === shared;
      } catch (err) {
        summary.failed++;
        if (session) {
          // Still waiting on the driver (e.g. a hung async script)? Chromium queues the
          // screenshot behind it, so don't wait long.
          const file = path.join(artefacts, 'failures', `${fileSafe(t.fullName)}.png`);
          await withTimeout(session.screenshot(file), session.inflight > 0 ? 5000 : 15_000, 'failure screenshot')
            .catch((e) => console.log(`(no screenshot of "${t.fullName}": ${e.message})`));
        }
        throw err;
      } finally {
        for (const otherDriver of others) {
          cleanups.delete(otherDriver.stop);
          await otherDriver.stop(); // the browser goes with its driver's process group
        }
        if (!keep) await dropSession(session);
      }
    }

    // A failed test may have left anything behind, so the next one gets a new session. A session
    // that will not close means a wedged browser: start over with a fresh driver.
    async function dropSession(session) {
      if (session === shared) shared = undefined;
      const closed = session && await session.delete({ timeout: session.inflight > 0 ? 3000 : 15_000 }).then(() => true, () => false);
      if (!closed || driver.exited()) {
        await stop();
        await boot().catch((err) => { broken = err; });
      }
    }

    for (const t of tests) {
      const notHere = t.engines && !t.engines.includes(engine);
      if (notHere) summary.skipped++;
      test(t.fullName, {
        skip: notHere && `not for ${engine}`,
        // Only a backstop: runOne() bounds the test, session start, screenshot and clean-up itself.
        timeout: (t.timeout ?? testTimeout) + 180_000,
      }, () => runOne(t));
    }
  });
}
