// Browser sessions for the end-to-end tests. Our part is starting the WebDriver servers
// (which binary, which flags, Xvfb for WebKit, process-group cleanup) and a thin adapter
// offering the calls the tests make; the W3C protocol itself is the `webdriver` package
// (WebdriverIO's client). It is only ever pointed at a driver we started, by host and port,
// so it never starts or downloads a driver or a browser itself.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// The client comes from tools/node_modules (exactly pinned in tools/package.json), which bare
// imports from tests/ do not reach. Its logging, and its advice to use WebdriverIO's higher-level
// commands instead of the protocol's, stay off; the level is read as its modules load.
process.env.WDIO_LOG_LEVEL ??= 'silent';
process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS ??= 'true';
const { default: WebDriver, ELEMENT_KEY } = await import('../../../tools/node_modules/webdriver/build/node.js');

/** WebDriver key codes (https://www.w3.org/TR/webdriver/#keyboard-actions). */
export const Keys = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009',
  Alt: '\uE00A', Escape: '\uE00C', Space: '\uE00D', PageUp: '\uE00E', PageDown: '\uE00F',
  End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014',
  ArrowDown: '\uE015', Delete: '\uE017', Meta: '\uE03D',
};
const KEY_ALIASES = { Esc: 'Escape', Ctrl: 'Control', Return: 'Enter', Left: 'ArrowLeft', Right: 'ArrowRight', Up: 'ArrowUp', Down: 'ArrowDown', Cmd: 'Meta' };
const keyCode = (name) => Keys[name] ?? Keys[KEY_ALIASES[name]];

export class WebDriverError extends Error {
  constructor(error, message, { command, status, data } = {}) {
    super(`${command ? command + ': ' : ''}${error}${message ? ': ' + message.split('\n')[0] : ''}`);
    this.name = 'WebDriverError';
    Object.assign(this, { error, status, data, fullMessage: message });
  }
}

/** Rejects with "`what` timed out" after `ms`; the promise itself is left to settle on its own. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------- drivers

// geckodriver comes from `cargo install`, which need not be on PATH.
const EXTRA_BIN_DIRS = [path.join(os.homedir(), '.cargo/bin'), '/usr/local/bin', '/usr/bin'];

export function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...EXTRA_BIN_DIRS];
  for (const dir of dirs) {
    if (!dir) continue;
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

// ---------------------------------------------------------------- sessions

// The client decides success from a response's body: a script result with an `error` key would
// count as a failure, a 404 "no such element" as a success. Here only the HTTP status decides:
// every answer reaches Session.call as {ok: value} or {failed: {status, error, message, data}}.
const byHttpStatus = ({ statusCode, body }) => {
  const value = body && typeof body === 'object' ? body.value : undefined;
  const failed = statusCode >= 400 && {
    status: statusCode,
    ...(value && typeof value === 'object' ? value : { error: `HTTP ${statusCode}`, message: JSON.stringify(body).slice(0, 200) }),
  };
  return { statusCode: 200, body: { value: failed ? { failed } : { ok: value ?? null } } };
};

const removeTmpDir = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  liveTmpDirs.delete(dir);
};

/**
 * Create a browser session on a started driver.
 * options: {windowSize: [w, h], pageLoadStrategy, language, timeouts: {script, pageLoad, implicit}, capabilities}
 */
export async function newSession(driver, options = {}) {
  const spec = ENGINES[driver.engine];
  const windowSize = options.windowSize ?? [1280, 900];
  const tmpDirs = [];
  const tmpDir = (prefix) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    liveTmpDirs.add(dir);
    tmpDirs.push(dir);
    return dir;
  };
  let client;
  try {
    const alwaysMatch = {
      ...spec.capabilities({ tmpDir: driver.engine === 'chromium' ? tmpDir('e2e-chromium-') : null, windowSize }),
      pageLoadStrategy: options.pageLoadStrategy ?? 'normal',
      // Plain HTTP WebDriver in every engine: no BiDi WebSocket, which the client would ask for.
      'wdio:enforceWebDriverClassic': true,
      ...options.capabilities,
    };
    if (options.language) preferLanguage(driver.engine, alwaysMatch, options.language, tmpDir);
    client = await WebDriver.newSession({
      hostname: '127.0.0.1', // with a host and port the client only connects: it starts no driver
      port: driver.port,
      capabilities: { alwaysMatch, firstMatch: [{}] },
      connectionRetryTimeout: 120_000,
      connectionRetryCount: 0, // a failed command fails the test; it is never sent twice
    });
  } catch (err) {
    tmpDirs.forEach(removeTmpDir);
    throw new WebDriverError('session not created', err.message, { command: 'new session' });
  }
  client.options.transformResponse = byHttpStatus;
  const session = new Session(driver, client, tmpDirs);
  try {
    await session.call('setTimeouts', options.timeouts?.implicit ?? 0, options.timeouts?.pageLoad ?? 30_000, options.timeouts?.script ?? 30_000);
    // Chromium takes --window-size; the others need the rect set explicitly.
    if (driver.engine !== 'chromium') await session.setWindowSize(...windowSize);
  } catch (err) {
    await session.delete().catch(() => {});
    throw err;
  }
  return session;
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

/** The test-facing session: a few conveniences over the client's protocol commands. */
export class Session {
  constructor(driver, client, tmpDirs = []) {
    Object.assign(this, { driver, client, tmpDirs, engine: driver.engine, capabilities: client.capabilities });
    this.deleted = false;
    this.inflight = 0; // commands sent but not answered: >0 after a timeout means the driver is busy
  }

  /** Any protocol command of the `webdriver` client, by name (e.g. 'getPageSource'). */
  async call(command, ...args) {
    // Stops a timed-out test that is still running in the background from touching anything.
    if (this.deleted) throw new WebDriverError('invalid session id', 'session already deleted', { command });
    if (typeof this.client[command] !== 'function') throw new TypeError(`no WebDriver command "${command}"`);
    this.inflight++;
    let answer;
    try {
      answer = await this.client[command](...args);
    } catch (err) {
      // No answer: refused, reset, timed out, or a call the client itself rejected.
      throw new WebDriverError('request failed', err.message.replace(/^WebDriverError: /, ''), { command });
    } finally {
      this.inflight--;
    }
    if (answer.failed) {
      const { status, error, message, data } = answer.failed;
      throw new WebDriverError(error ?? `HTTP ${status}`, message, { command, status, data });
    }
    return answer.ok;
  }

  // -- elements
  _wrap(ref) { return new Element(this, ref[ELEMENT_KEY]); }

  /** First element matching `css`, within `from` (an Element) if given. */
  async find(css, from) {
    try {
      return this._wrap(await (from ? this.call('findElementFromElement', from.id, 'css selector', css) : this.call('findElement', 'css selector', css)));
    } catch (err) {
      if (err.error === 'no such element') err.message = `no such element: nothing matches ${JSON.stringify(css)}`;
      throw err;
    }
  }
  async findAll(css, from) {
    const refs = await (from ? this.call('findElementsFromElement', from.id, 'css selector', css) : this.call('findElements', 'css selector', css));
    return refs.map((r) => this._wrap(r));
  }
  async findXPath(xpath) {
    return (await this.call('findElements', 'xpath', xpath)).map((r) => this._wrap(r));
  }

  /**
   * First element whose normalized text contains `text` (or equals it with exact).
   * With the default tag '*' this is the innermost such element.
   */
  async findByText(text, { tag = '*', exact = false } = {}) {
    const lit = xpathLiteral(text);
    const test = exact ? `normalize-space(.)=${lit}` : `contains(normalize-space(.), ${lit})`;
    const innermost = tag === '*' ? ` and not(.//*[${test}])` : '';
    const [el] = await this.findXPath(`//${tag}[${test}${innermost}]`);
    if (!el) throw new WebDriverError('no such element', `no <${tag}> with text ${JSON.stringify(text)}`);
    return el;
  }

  /** Polls fn until it returns a truthy value (thrown errors count as "not yet"). */
  async waitFor(fn, { timeout = 10_000, interval = 100, message } = {}) {
    const deadline = Date.now() + timeout;
    let lastError;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (err) {
        lastError = err;
      }
      if (Date.now() >= deadline || this.deleted) {
        const why = message ?? `condition ${fn.toString().slice(0, 120)}`;
        throw new Error(`timed out after ${timeout} ms waiting for ${why}${lastError ? ` (last error: ${lastError.message})` : ''}`);
      }
      await sleep(interval);
    }
  }

  /** Waits until `css` matches an element (displayed too, with {visible: true}). */
  waitFind(css, { visible = false, ...opts } = {}) {
    return this.waitFor(async () => {
      for (const el of await this.findAll(css)) if (!visible || (await el.isDisplayed())) return el;
      return null;
    }, { message: `${visible ? 'visible ' : ''}element ${JSON.stringify(css)}`, ...opts });
  }

  // -- scripts (Elements go in as references through their toJSON, and come back as Elements)
  _fromWire(v) {
    if (Array.isArray(v)) return v.map((x) => this._fromWire(x));
    if (v && typeof v === 'object') {
      if (typeof v[ELEMENT_KEY] === 'string') return this._wrap(v);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this._fromWire(x)]));
    }
    return v;
  }

  /** Run a script body (string) or a function; a returned promise is awaited by the driver. */
  async exec(script, ...args) {
    const body = typeof script === 'function' ? `return (${script}).apply(null, arguments);` : script;
    return this._fromWire(await this.call('executeScript', body, args));
  }

  /**
   * String: classic async script, the callback is arguments[arguments.length - 1].
   * Function: may be async; its result (or rejection) is passed back.
   */
  async execAsync(script, ...args) {
    const body = typeof script === 'function'
      ? `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${script}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
           .then((value) => done({ ok: true, value }),
                 (e) => done({ ok: false, error: e instanceof Error ? e.name + ': ' + e.message : String(e) }));`
      : script;
    const result = this._fromWire(await this.call('executeAsyncScript', body, args));
    if (typeof script !== 'function') return result;
    if (!result?.ok) throw new Error(`script failed: ${result?.error}`);
    return result.value;
  }

  /** Evaluate a local JS file in the page (e.g. axe.min.js). */
  async injectScriptFile(file) {
    await this.exec(`${await readFile(file, 'utf8')}\n;return true;`);
  }

  // -- keyboard and focus
  /**
   * Sends keys to the focused element. Each argument is a key name or chord of
   * Keys names and single characters ("Tab", "Shift+Tab", "Control+a", "Enter", "Space"),
   * otherwise literal text typed character by character ("hello", "a+b").
   * Raw Keys.* codes may be embedded in text.
   */
  async keys(...sequences) {
    const actions = [];
    for (const seq of sequences) {
      for (const keysDown of parseChord(seq) ?? [...seq].map((c) => [c])) {
        for (const k of keysDown) actions.push({ type: 'keyDown', value: k });
        for (const k of [...keysDown].reverse()) actions.push({ type: 'keyUp', value: k });
      }
    }
    await this.call('performActions', [{ type: 'key', id: 'keyboard', actions }]);
    await this.call('releaseActions');
  }

  async activeElement() { return this._wrap(await this.call('getActiveElement')); }

  /** Element (an iframe), frame index, or null for the top-level document. */
  switchToFrame(frame) { return this.call('switchToFrame', frame ?? null); }

  setWindowSize(width, height) { return this.call('setWindowRect', null, null, width, height); }

  /** Full-page PNG; returns the Buffer and writes it when path is given. */
  async screenshot(file, { fullPage = true } = {}) {
    let png;
    if (fullPage && this.engine === 'firefox') {
      png = Buffer.from(await this.call('fullPageScreenshot'), 'base64');
    } else if (fullPage) {
      png = await this._resizedScreenshot();
    } else {
      png = Buffer.from(await this.call('takeScreenshot'), 'base64');
    }
    return savePng(file, png);
  }

  async _resizedScreenshot() {
    const plain = async () => Buffer.from(await this.call('takeScreenshot'), 'base64');
    const { docH, innerH } = await this.exec(() => ({
      docH: Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0),
      innerH: window.innerHeight,
    }));
    if (docH <= innerH) return plain();
    const rect = await this.getWindowRect();
    try {
      const height = Math.min(rect.height + docH - innerH, 16_000);
      await this.setWindowSize(rect.width, height);
      // WebKitGTK answers before it has re-laid out and painted the new area (it comes out black).
      const wantInner = innerH + height - rect.height;
      await this.waitFor(async () => (await this.exec(() => window.innerHeight)) >= wantInner, { timeout: 3000 }).catch(() => {});
      await this.execAsync(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return await plain();
    } finally {
      await this.setWindowSize(rect.width, rect.height).catch(() => {});
    }
  }

  /** Ends the session; rejects if the driver does not confirm within `timeout`. */
  async delete({ timeout = 20_000 } = {}) {
    if (this.deleted) return;
    this.deleted = true;
    try {
      // Once this returns, the client aborts the session's requests that are still waiting.
      const answer = this.client.deleteSession();
      answer.catch(() => {}); // after a timeout nobody waits for it
      const { failed } = await withTimeout(answer, timeout, 'delete session');
      if (failed) throw new WebDriverError(failed.error, failed.message, { command: 'deleteSession', status: failed.status });
    } finally {
      this.tmpDirs.forEach(removeTmpDir);
    }
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  /** What the protocol expects wherever an element is passed (script arguments, frames). */
  toJSON() { return { [ELEMENT_KEY]: this.id }; }
  _call(command, ...args) { return this.session.call(command, this.id, ...args); }

  sendKeys(text) { return this._call('elementSendKeys', String(text)); }
  find(css) { return this.session.find(css, this); }
  findAll(css) { return this.session.findAll(css, this); }
  /** Same DOM node? (Element ids are per lookup in some drivers, so compare in the page.) */
  equals(other) { return this.session.exec((a, b) => a === b, this, other); }
  async screenshot(file) { return savePng(file, Buffer.from(await this._call('takeElementScreenshot'), 'base64')); }
}

// The methods that are one protocol command each (more through session.call): name → command.
const SESSION_COMMANDS = {
  get: 'navigateTo', url: 'getUrl', title: 'getTitle', back: 'back', forward: 'forward', refresh: 'refresh',
  source: 'getPageSource', getWindowRect: 'getWindowRect', switchToParentFrame: 'switchToParentFrame',
};
const ELEMENT_COMMANDS = {
  click: 'elementClick', clear: 'elementClear', text: 'getElementText', attr: 'getElementAttribute',
  prop: 'getElementProperty', css: 'getElementCSSValue', rect: 'getElementRect', tagName: 'getElementTagName',
  isDisplayed: 'isElementDisplayed', isEnabled: 'isElementEnabled', isSelected: 'isElementSelected',
};
for (const [name, command] of Object.entries(SESSION_COMMANDS)) {
  Session.prototype[name] = function (...args) { return this.call(command, ...args); };
}
for (const [name, command] of Object.entries(ELEMENT_COMMANDS)) {
  Element.prototype[name] = function (...args) { return this._call(command, ...args); };
}

/** "Shift+Tab" → [[Shift, Tab]]; "Tab" → [[Tab]]; anything else (text to type) → null. */
export function parseChord(seq) {
  if ([...seq].length === 1) return null; // one character: type it
  if (keyCode(seq)) return [[keyCode(seq)]];
  const parts = seq.split('+');
  if (parts.length < 2 || parts.some((p) => p === '')) return null;
  const codes = parts.map((p) => keyCode(p) ?? ([...p].length === 1 ? p : null));
  // Only a chord if it has a real key name in it, so "a+b" stays text.
  if (codes.includes(null) || !parts.some((p) => keyCode(p))) return null;
  return [codes];
}

const xpathLiteral = (s) => {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `concat(${s.split("'").map((p) => `'${p}'`).join(`, "'", `)})`;
};

async function savePng(file, png) {
  if (file) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, png);
  }
  return png;
}
