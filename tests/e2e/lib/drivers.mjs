// The browser engines and their WebDriver servers: which binary, which flags and capabilities,
// Xvfb for WebKit, a browser language, and cleaning up every process and temporary directory.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// geckodriver comes from `cargo install`, which need not be on PATH.
const EXTRA_BIN_DIRS = [path.join(os.homedir(), '.cargo/bin'), '/usr/local/bin', '/usr/bin'];

export function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...EXTRA_BIN_DIRS];
  for (const dir of dirs) {
    // npm's `geckodriver` package (a dependency of `webdriver`) puts a wrapper in node_modules/.bin
    // that downloads a driver on first use: never that one, only real installed drivers.
    if (!dir || dir.split(path.sep).includes('node_modules')) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch { /* not here: next directory */ }
  }
  return null;
}

export const ENGINES = {
  chromium: {
    driverName: 'chromedriver',
    driverBin: () => process.env.CHROMEDRIVER ?? findExecutable('chromedriver'),
    command: (bin, port) => [bin, [`--port=${port}`]],
    capabilities: ({ tmpDir, windowSize: [w, h] }) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
        args: [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          `--user-data-dir=${tmpDir}`, `--window-size=${w},${h}`,
        ],
      },
    }),
  },
  firefox: {
    driverName: 'geckodriver',
    driverBin: () => process.env.GECKODRIVER ?? findExecutable('geckodriver'),
    // --websocket-port=0: otherwise every geckodriver wants the fixed 9222 for BiDi.
    command: (bin, port) => [bin, ['--host', '127.0.0.1', '--port', String(port), '--websocket-port', '0']],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        // Firefox silently retries a reset connection up to 10 times, so an injected
        // {destroy: true, times: 1} fault would never reach the app. Chromium/WebKit don't.
        prefs: { 'network.http.request.max-attempts': 1 },
      },
    }),
  },
  webkit: {
    driverName: 'WebKitWebDriver',
    driverBin: () => process.env.WEBKITWEBDRIVER ?? findExecutable('WebKitWebDriver'),
    // WebKitGTK has no true headless mode for automation here: give it a virtual X display.
    command: (bin, port) => {
      const xvfb = findExecutable('xvfb-run');
      if (!xvfb) throw new Error('xvfb-run not found (needed for WebKitWebDriver)');
      return [xvfb, ['-a', '-s', '-screen 0 1920x1200x24', bin, `--port=${port}`]];
    },
    capabilities: () => ({}),
  },
};

async function freePort() {
  const srv = net.createServer();
  await new Promise((resolve, reject) => srv.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

// Drivers are spawned in their own process group so stop() also takes down the
// browsers (and Xvfb) they started. The exit hook covers crashes and Ctrl-C.
const liveGroups = new Set();
const liveTmpDirs = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  for (const dir of liveTmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** Start the WebDriver server for `engine`; resolves once GET /status says ready. */
export async function startDriver(engine, { logFile, readyTimeout = 30_000 } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine "${engine}" (known: ${Object.keys(ENGINES).join(', ')})`);
  const bin = spec.driverBin();
  if (!bin) {
    const err = new Error(`${spec.driverName} not found on PATH or in ~/.cargo/bin`);
    err.code = 'DRIVER_MISSING';
    throw err;
  }
  const port = await freePort();
  const [cmd, args] = spec.command(bin, port);
  let log = 'ignore';
  if (logFile) {
    await mkdir(path.dirname(logFile), { recursive: true });
    log = createWriteStream(logFile, { flags: 'a' }); // restarts append
    await new Promise((resolve) => log.once('open', resolve));
  }
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log] });
  liveGroups.add(child.pid);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited ??= { code, signal };
    resolve();
  }));
  child.once('error', (err) => {
    exited = { error: err.message };
    child.emit('exit', null, null);
  });

  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!liveGroups.has(child.pid)) return;
    const kill = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
    kill('SIGTERM');
    const done = await Promise.race([exitPromise.then(() => true), sleep(3000).then(() => false)]);
    // Kill the whole group even if the leader exited: browsers may outlive it.
    kill('SIGKILL');
    if (!done) await Promise.race([exitPromise, sleep(2000)]);
    liveGroups.delete(child.pid);
    if (typeof log === 'object') log.end();
  };

  const deadline = Date.now() + readyTimeout;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${spec.driverName} exited during startup (${JSON.stringify(exited)})${logFile ? `; see ${logFile}` : ''}`);
    }
    try {
      const res = await fetch(`${base}/status`, { signal: AbortSignal.timeout(1000) });
      const { value } = await res.json();
      if (value?.ready) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${spec.driverName} did not become ready on port ${port} within ${readyTimeout} ms`);
    }
    await sleep(100);
  }
  return { engine, port, base, bin, pid: child.pid, stop, exited: () => exited };
}

/** Driver version line, for the runner's header. */
export function driverVersion(engine) {
  const bin = ENGINES[engine]?.driverBin();
  if (!bin) return null;
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 5000 });
  const line = (out.stdout || out.stderr || '').split('\n')[0].trim();
  return line && !line.startsWith('Usage') ? line : null; // WebKitWebDriver has no --version
}

export const DEFAULT_WINDOW_SIZE = [1280, 900];

/**
 * The capabilities for a new session on `engine`, and the temporary directories they use
 * (to be given to removeTmpDirs when the session ends).
 * options: {windowSize: [w, h], pageLoadStrategy, language, capabilities}
 */
export function sessionCapabilities(engine, options = {}) {
  const tmpDirs = [];
  const tmpDir = (prefix) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    liveTmpDirs.add(dir);
    tmpDirs.push(dir);
    return dir;
  };
  try {
    const capabilities = {
      ...ENGINES[engine].capabilities({
        tmpDir: engine === 'chromium' ? tmpDir('e2e-chromium-') : null,
        windowSize: options.windowSize ?? DEFAULT_WINDOW_SIZE,
      }),
      pageLoadStrategy: options.pageLoadStrategy ?? 'normal',
      ...options.capabilities,
    };
    if (options.language) preferLanguage(engine, capabilities, options.language, tmpDir);
    return { capabilities, tmpDirs };
  } catch (err) {
    removeTmpDirs(tmpDirs);
    throw err;
  }
}

export function removeTmpDirs(dirs) {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
    liveTmpDirs.delete(dir);
  }
}

/**
 * Makes the browser prefer `language` (a BCP 47 tag) in navigator.languages and Accept-Language,
 * the way a visitor's own browser settings would.
 */
function preferLanguage(engine, capabilities, language, tmpDir) {
  if (engine === 'chromium') {
    const options = capabilities['goog:chromeOptions'];
    options.args = [...options.args, `--lang=${language}`, `--accept-lang=${language}`];
    options.prefs = { ...options.prefs, 'intl.accept_languages': language };
  } else if (engine === 'firefox') {
    const options = capabilities['moz:firefoxOptions'];
    options.prefs = { ...options.prefs, 'intl.accept_languages': language, 'intl.locale.requested': language };
  } else if (engine === 'webkit') {
    // WebKitGTK takes the language from the browser process's environment: start MiniBrowser
    // through a wrapper that sets it.
    const miniBrowser = ['4.1', '4.0', '6.0']
      .map((v) => `/usr/lib/x86_64-linux-gnu/webkit2gtk-${v}/MiniBrowser`)
      .concat(['/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser'])
      .find((p) => existsSync(p));
    if (!miniBrowser) throw new Error('MiniBrowser not found: cannot set the WebKit language');
    const wrapper = path.join(tmpDir('e2e-webkit-lang-'), 'MiniBrowser');
    // WebKit reads the process locale, which must exist on the machine (scripts/setup makes es_ES).
    const locale = `${language.includes('-') ? language.replace('-', '_') : `${language}_${language.toUpperCase()}`}.UTF-8`;
    writeFileSync(wrapper, `#!/bin/sh\nexport LANGUAGE=${language.replace('-', '_')} LANG=${locale} LC_ALL=${locale}\nexec ${miniBrowser} "$@"\n`, { mode: 0o755 });
    capabilities['webkitgtk:browserOptions'] = { binary: wrapper, args: ['--automation'] };
  }
}
