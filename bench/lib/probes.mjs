// Functions that run inside the page (passed to WebDriver as source: no closures over this module).

/**
 * True once `[data-member-directory]` has working radios and `count` list items. The build-time
 * HTML has the same radios in a disabled fieldset; only enabled ones mean the script took over.
 */
export function directoryReady(count) {
  const root = document.querySelector('[data-member-directory]');
  return Boolean(root?.querySelector('fieldset input[type=radio]:enabled'))
    && root.querySelectorAll('li.member').length === count;
}

/**
 * Times `changes` filter changes after `warmup` unmeasured ones, alternating between two states:
 * kind "region" clicks the "All" and the `region` radio, kind "search" types `text` and removes
 * its last character (a keystroke either way). Each change starts in a task just after a frame,
 * so no frame is due; the time runs from the click or keystroke until the handler, every effect
 * it queued (microtasks, run before the next task) and a forced style and layout are done,
 * without waiting for a frame. Returns milliseconds per change, split into narrowing (to the
 * region, or a longer text) and widening changes, and how many changes did not show a new
 * number of members by then (should be 0).
 */
export async function timeFilterChanges({ kind, changes, warmup, region, text }) {
  const root = document.querySelector('[data-member-directory]');
  const radios = [...root.querySelectorAll('fieldset input[type=radio]')];
  const box = root.querySelector('input[type=search]');
  const typeInto = (value) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const states = kind === 'region'
    ? [() => radios.find((r) => r.value === region).click(), () => radios.find((r) => r.value === 'all').click()]
    : [() => typeInto(text), () => typeInto(text.slice(0, -1))];
  const shown = () => root.querySelectorAll('li.member:not([hidden])').length;
  const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  if (kind === 'search') typeInto(text.slice(0, -1));
  const times = { narrow: [], widen: [] };
  let stale = 0;
  for (let i = 0; i < warmup + changes; i++) {
    await nextFrame();
    await nextTask();
    const before = shown();
    const t0 = performance.now();
    states[i % 2]();
    await nextTask();
    // Forces style and layout of the whole document.
    void document.documentElement.getBoundingClientRect();
    void document.body.offsetHeight;
    const ms = performance.now() - t0;
    if (i < warmup) continue;
    times[i % 2 === 0 ? 'narrow' : 'widen'].push(ms);
    if (shown() === before) stale++;
  }
  // Back to every member, so the next measurement starts from the same list.
  if (kind === 'search') typeInto('');
  await nextFrame();
  return { ...times, stale };
}

/** Scrolls the map into view and resolves once it is shown (or after 20 s, with false). */
export async function showMap() {
  const figure = document.querySelector('[data-member-directory] .world-map');
  if (!figure) return false;
  figure.scrollIntoView({ block: 'center' });
  const deadline = performance.now() + 20_000;
  while (figure.dataset.state !== 'shown' && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return figure.dataset.state === 'shown';
}

/** Applies `count` filter changes, cycling region and search, each waited until painted. */
export async function churnFilters({ count, region, text }) {
  const root = document.querySelector('[data-member-directory]');
  const radios = [...root.querySelectorAll('fieldset input[type=radio]')];
  const box = root.querySelector('input[type=search]');
  const typeInto = (value) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const steps = [
    () => radios.find((r) => r.value === region).click(),
    () => typeInto(text),
    () => radios.find((r) => r.value === 'all').click(),
    () => typeInto(''),
  ];
  for (let i = 0; i < count; i++) {
    steps[i % steps.length]();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
}

/** Bytes of the app's WebAssembly memory, or null on a page without the app. */
export async function wasmMemoryBytes() {
  const script = document.querySelector('script[data-js]');
  if (!script) return null;
  // wasm-bindgen's init returns the instance's exports when it already ran, as boot.js did.
  const glue = await import(new URL(script.dataset.js, document.baseURI).href);
  const exports = await glue.default();
  return exports.memory.buffer.byteLength;
}
