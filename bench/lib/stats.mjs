export function median(values) {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** Median of each numeric field across runs: [{a: 1}, {a: 3}, {a: 2}] -> {a: 2}. */
export function medianOf(runs, fields) {
  return Object.fromEntries(fields.map((f) => [f, median(runs.map((r) => r[f]))]));
}
