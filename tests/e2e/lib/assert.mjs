// node:assert/strict plus a retrying `eventually` for UI that settles asynchronously.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

export { assert };
export const { ok, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, rejects, throws, fail } = assert;

/** Retries the async assertion `fn` until it stops throwing; returns its result. */
export async function eventually(fn, timeout = 5000, interval = 100) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() >= deadline) {
        err.message = `eventually (${timeout} ms): ${err.message}`;
        throw err;
      }
    }
    await sleep(interval);
  }
}

export function includes(haystack, needle, message) {
  assert.ok(haystack.includes(needle), message ?? `expected ${JSON.stringify(haystack)} to include ${JSON.stringify(needle)}`);
}
