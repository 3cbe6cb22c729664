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
 * its last character (a keystroke either way). Each change starts inside a requestAnimationFrame
 * callback, so the wait for the next frame is not counted, and ends in a MessageChannel task,
 * which runs after that frame's style, layout and paint. Returns milliseconds per change, split
 * into narrowing (to the region, or a longer text) and widening changes, and how many changes
 * did not show a new number of members by then (should be 0).
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
  const afterPaint = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  if (kind === 'search') typeInto(text.slice(0, -1));
  const times = { narrow: [], widen: [] };
  let stale = 0;
  for (let i = 0; i < warmup + changes; i++) {
    await nextFrame();
    const before = shown();
    const ms = await new Promise((resolve) => requestAnimationFrame(() => {
      const t0 = performance.now();
      states[i % 2]();
      afterPaint().then((t1) => resolve(t1 - t0));
    }));
    if (i < warmup) continue;
    times[i % 2 === 0 ? 'narrow' : 'widen'].push(ms);
    if (shown() === before) stale++;
  }
  // Back to every member, so the next measurement starts from the same list.
  if (kind === 'search') typeInto('');
  await nextFrame();
  return { ...times, stale };
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
