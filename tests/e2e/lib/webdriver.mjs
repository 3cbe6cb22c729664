// Browser sessions for the tests: a thin adapter over the `webdriver` package (WebdriverIO's
// W3C WebDriver client), offering the calls the tests make. The client is only ever pointed at a
// driver that drivers.mjs started, by host and port, so it never starts or downloads a driver
// or a browser itself.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_WINDOW_SIZE, removeTmpDirs, sessionCapabilities } from './drivers.mjs';

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

const failure = (command, { status, error, message, data }) =>
  new WebDriverError(error ?? `HTTP ${status}`, message, { command, status, data });

/**
 * Create a browser session on a started driver (see drivers.mjs's startDriver).
 * options: {windowSize: [w, h], pageLoadStrategy, language, timeouts: {script, pageLoad, implicit}, capabilities}
 */
export async function newSession(driver, options = {}) {
  const { capabilities, tmpDirs } = sessionCapabilities(driver.engine, options);
  let client;
  try {
    client = await WebDriver.newSession({
      hostname: '127.0.0.1', // with a host and port the client only connects: it starts no driver
      port: driver.port,
      // Plain HTTP WebDriver in every engine: no BiDi WebSocket, which the client would ask for.
      capabilities: { alwaysMatch: { ...capabilities, 'wdio:enforceWebDriverClassic': true }, firstMatch: [{}] },
      connectionRetryTimeout: 120_000,
      connectionRetryCount: 0, // a failed command fails the test; it is never sent twice
    });
  } catch (err) {
    removeTmpDirs(tmpDirs);
    throw new WebDriverError('session not created', err.message, { command: 'new session' });
  }
  client.options.transformResponse = byHttpStatus;
  const session = new Session(driver, client, tmpDirs);
  try {
    session.home = await session.call('getWindowHandle');
    await session.applyDefaults(options);
  } catch (err) {
    await session.delete().catch(() => {});
    throw err;
  }
  return session;
}

/** The test-facing session: a few conveniences over the client's protocol commands. */
export class Session {
  constructor(driver, client, tmpDirs = []) {
    Object.assign(this, { driver, client, tmpDirs, engine: driver.engine, capabilities: client.capabilities });
    this.deleted = false;
    this.inflight = 0; // commands sent but not answered: >0 after a timeout means the driver is busy
  }

  /** The timeouts and window size asked for at creation (or the defaults). */
  async applyDefaults({ timeouts = {}, windowSize = DEFAULT_WINDOW_SIZE } = {}) {
    const { implicit = 0, pageLoad = 30_000, script = 30_000 } = timeouts;
    await this.call('setTimeouts', implicit, pageLoad, script);
    const { width, height } = await this.call('getWindowRect');
    if (width !== windowSize[0] || height !== windowSize[1]) await this.setWindowSize(...windowSize);
  }

  /**
   * Makes a used session look new to the next test: one window showing a blank page, no keys or
   * buttons held, no cookies, default timeouts and window size. (Starting a browser per test costs
   * Firefox about 3 s.) The app keeps nothing in storage and the test server forbids caching.
   */
  async reset() {
    await this.call('releaseActions');
    for (const handle of await this.call('getWindowHandles')) {
      if (handle === this.home) continue;
      await this.call('switchToWindow', handle);
      await this.call('closeWindow');
    }
    await this.call('switchToWindow', this.home);
    await this.call('navigateTo', 'about:blank');
    await this.call('deleteAllCookies');
    await this.applyDefaults();
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
    if (answer.failed) throw failure(command, answer.failed);
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
   * Function: the same as exec, which awaits a returned promise.
   */
  async execAsync(script, ...args) {
    if (typeof script === 'function') return this.exec(script, ...args);
    return this._fromWire(await this.call('executeAsyncScript', script, args));
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
      await this.exec(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
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
      if (failed) throw failure('deleteSession', failed);
    } finally {
      removeTmpDirs(this.tmpDirs);
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
function parseChord(seq) {
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
