// The WebDriver half of the bench: bytes per page load, filter-update times and memory.
import { setTimeout as sleep } from 'node:timers/promises';
import { startDriver } from '../../tests/e2e/lib/drivers.mjs';
import { newSession } from '../../tests/e2e/lib/webdriver.mjs';
import * as probes from './probes.mjs';

const SETTLE_MS = 750; // quiet time after "ready" in which late requests would still show up

/** Runs fn({session, cdp}) with one Chromium session, always closing it. */
export async function withBrowser(fn) {
  const driver = await startDriver('chromium');
  try {
    const session = await newSession(driver, { windowSize: [1280, 900], timeouts: { script: 600_000 } });
    const cdp = (cmd, params = {}) => session.call('sendCommandAndGetResult', cmd, params); // Chrome DevTools Protocol
    try {
      return await fn({ session, cdp });
    } finally {
      await session.delete().catch(() => {});
    }
  } finally {
    await driver.stop();
  }
}

async function openDirectory({ session, cdp }, url, members) {
  await cdp('Emulation.setCPUThrottlingRate', { rate: 1 });
  await session.get(url);
  await session.waitFor(() => session.exec(probes.directoryReady, members), {
    timeout: 120_000, message: `${members} members listed at ${url}`,
  });
}

/** Encoded and raw bytes per asset type for one load of `url` (app: until its list is live). */
export async function pageBytes(browser, server, { url, members }) {
  await browser.session.get('about:blank');
  await browser.cdp('Network.clearBrowserCache'); // hashed assets are served as immutable
  server.takeLog();
  if (members) await openDirectory(browser, url, members);
  else await browser.session.get(url);
  await sleep(SETTLE_MS);
  const byType = {};
  for (const { type, bytes, rawBytes, encoding } of server.takeLog()) {
    const entry = (byType[type] ??= { bytes: 0, rawBytes: 0, requests: 0, encodings: [] });
    entry.bytes += bytes;
    entry.rawBytes += rawBytes;
    entry.requests += 1;
    if (!entry.encodings.includes(encoding ?? 'identity')) entry.encodings.push(encoding ?? 'identity');
  }
  return byType;
}

/** Filter-update times on one page at each CPU rate, for region clicks and search keystrokes. */
export async function filterTimes(browser, { url, members, rates, changes, warmup, region, text, kinds = ['region', 'search'], map = false }) {
  await openDirectory(browser, url, members);
  if (map && !await browser.session.execAsync(probes.showMap)) throw new Error('the map did not show');
  const results = [];
  for (const rate of rates) {
    await browser.cdp('Emulation.setCPUThrottlingRate', { rate });
    for (const kind of kinds) {
      const r = await browser.session.execAsync(probes.timeFilterChanges, { kind, changes, warmup, region, text });
      results.push({ rate, kind, ...r });
    }
  }
  await browser.cdp('Emulation.setCPUThrottlingRate', { rate: 1 });
  return results;
}

// The wasm memory is read first: the script that reads it allocates on the JS heap.
async function memoryReading({ session, cdp }) {
  const wasmBytes = await session.execAsync(probes.wasmMemoryBytes);
  await cdp('HeapProfiler.collectGarbage');
  const heap = await cdp('Runtime.getHeapUsage');
  return { jsHeapBytes: heap.usedSize, domHeapBytes: heap.embedderHeapUsedSize ?? null, wasmBytes };
}

/** Memory after the first filter change and after `total` of them, with GC forced before each. */
export async function memoryGrowth(browser, { url, members, total, region, text }) {
  await openDirectory(browser, url, members);
  await browser.session.execAsync(probes.churnFilters, { count: 1, region, text });
  const first = await memoryReading(browser);
  await browser.session.execAsync(probes.churnFilters, { count: total - 1, region, text });
  const last = await memoryReading(browser);
  return { changes: total, first, last };
}
