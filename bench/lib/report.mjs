// The goals from the issue, checked against the figures, and the printed tables.

export const GOALS = {
  sizeKb: 80, // wasm + JS, brotli
  tbtMs: 50, // Lighthouse mobile, simulated throttling, median of 3
  mapRegionMs: 16, // a region change with the map shown, 103 members, 1x CPU
  lcpVsStatic: 1.1, // app LCP at most 10% above the static page's
  cls: 0,
  score: 100,
  filterVsVanilla: 1.2,
  filterMs: { 1: 16, 4: 50 }, // with 5,000 members, per CPU slowdown
  filterMsMembers: 5000,
  memoryGrowth: 0.1,
};

const status = (met) => (met == null ? '—' : met ? 'met' : 'MISSED');

// ---------------------------------------------------------------- goal checks

function loadGoals({ load }) {
  const app = load.app.median;
  const limit = load.static.median.lcpMs * GOALS.lcpVsStatic;
  return [
    { id: 'lcp', what: 'app LCP within 10% of the static page', actual: app.lcpMs, target: `≤ ${fmtMs(limit)}`, met: app.lcpMs <= limit },
    { id: 'cls', what: 'app CLS 0', actual: app.cls, target: '0', met: app.cls === GOALS.cls },
  ];
}

function scoreGoals({ scores }) {
  const app = scores.app.median;
  const lcpLimit = scores.static.median.lcpMs * GOALS.lcpVsStatic;
  return [
    ...Object.entries(scores.app.scores).map(([category, score]) => ({
      id: `score:${category}`, what: `Lighthouse ${category} ${GOALS.score}`, actual: score, target: String(GOALS.score), met: score >= GOALS.score,
    })),
    { id: 'sim:tbt', what: 'TBT, simulated', actual: app.tbtMs, target: `≤ ${GOALS.tbtMs} ms`, met: app.tbtMs <= GOALS.tbtMs },
    { id: 'sim:lcp', what: 'LCP, simulated, vs static', actual: app.lcpMs, target: `≤ ${fmtMs(lcpLimit)}`, met: app.lcpMs <= lcpLimit },
  ];
}

function sizeGoal({ size }) {
  const kb = size.wasmAndJsBrotliBytes / 1000;
  return { id: 'size', what: 'wasm + JS, brotli', actual: kb, target: `≤ ${GOALS.sizeKb} kB`, met: kb <= GOALS.sizeKb };
}

function mapFilterGoal({ mapFilter }) {
  return {
    id: 'filter:map', what: 'region change with the map shown, 103 members, 1x CPU',
    actual: mapFilter.app.medianMs, target: `≤ ${GOALS.mapRegionMs} ms`, met: mapFilter.app.medianMs <= GOALS.mapRegionMs,
  };
}

function filterGoal(row) {
  const ratio = row.app.medianMs / row.vanilla.medianMs;
  const absolute = row.members === GOALS.filterMsMembers ? GOALS.filterMs[row.rate] : null;
  const misses = [];
  if (ratio > GOALS.filterVsVanilla) misses.push(`${ratio.toFixed(2)}× vanilla`);
  if (absolute != null && !(row.app.medianMs < absolute)) misses.push(`≥ ${absolute} ms`);
  if (row.app.stale || row.vanilla.stale) misses.push('stale paint');
  return {
    id: `filter:${row.members}:${row.rate}x:${row.kind}`,
    what: `${row.kind} change, ${row.members} members, ${row.rate}x CPU`,
    actual: row.app.medianMs,
    ratio,
    target: `≤ ${GOALS.filterVsVanilla}× vanilla${absolute != null ? `, < ${absolute} ms` : ''}`,
    met: misses.length === 0,
    misses,
  };
}

function memoryGoals({ memory }) {
  const { first, last } = memory.app;
  return [['jsHeapBytes', 'JS heap'], ['wasmBytes', 'wasm memory']].map(([key, label]) => {
    const growth = first[key] == null ? null : last[key] / first[key] - 1;
    return {
      id: `memory:${key}`, what: `app ${label} after ${memory.app.changes} changes within 10% of after 1`,
      actual: growth, target: `≤ +${GOALS.memoryGrowth * 100}%`, met: growth == null ? null : growth <= GOALS.memoryGrowth,
    };
  });
}

/** Every goal that has figures in `results`. */
export function evaluateGoals(results) {
  return [
    ...(results.size ? [sizeGoal(results)] : []),
    ...(results.mapFilter ? [mapFilterGoal(results)] : []),
    ...(results.load ? loadGoals(results) : []),
    ...(results.scores ? scoreGoals(results) : []),
    ...(results.filters ? results.filters.map(filterGoal) : []),
    ...(results.memory ? memoryGoals(results) : []),
  ];
}

// ---------------------------------------------------------------- formatting

const fmtMs = (ms) => (ms == null ? '—' : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`);
const fmtKb = (bytes) => (bytes == null ? '—' : `${(bytes / 1000).toFixed(1)} kB`);
const fmtMb = (bytes) => (bytes == null ? '—' : `${(bytes / 1e6).toFixed(2)} MB`);
const fmtPct = (x) => (x == null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '—')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const goalById = (goals, id) => goals.find((g) => g.id === id);

function bytesSection({ bytes }) {
  const types = ['html', 'css', 'js', 'wasm', 'json', 'other'].filter((t) => bytes.app[t] || bytes.static[t] || t !== 'other');
  const total = (page) => Object.values(bytes[page]).reduce((sum, e) => sum + e.bytes, 0);
  const totalRaw = (page) => Object.values(bytes[page]).reduce((sum, e) => sum + e.rawBytes, 0);
  const rows = types.map((t) => [t, fmtKb(bytes.app[t]?.bytes ?? 0), fmtKb(bytes.static[t]?.bytes ?? 0),
    fmtKb(bytes.app[t]?.rawBytes ?? 0), fmtKb(bytes.static[t]?.rawBytes ?? 0)]);
  rows.push(['total', fmtKb(total('app')), fmtKb(total('static')), fmtKb(totalRaw('app')), fmtKb(totalRaw('static'))]);
  const encodings = [...new Set(Object.values(bytes.app).flatMap((e) => e.encodings))].join(', ');
  return `1. Bytes transferred per asset type (response bodies as sent: ${encodings}; no goal)\n`
    + table(['type', 'app', 'static', 'app raw', 'static raw'], rows);
}

function loadSection({ load }, goals, settings) {
  const row = (label, key, fmt, goalId) => {
    const g = goalId && goalById(goals, goalId);
    return [label, fmt(load.app.median[key]), fmt(load.static.median[key]), g?.target ?? '—', status(g?.met)];
  };
  const fmtCls = (x) => (x == null ? '—' : x.toFixed(4));
  return `2. Page load, Lighthouse with DevTools throttling (${settings}), median of ${load.app.runs.length}\n`
    + table(['metric', 'app', 'static', 'goal', 'status'], [
      row('FCP', 'fcpMs', fmtMs),
      row('LCP', 'lcpMs', fmtMs, 'lcp'),
      row('CLS', 'cls', fmtCls, 'cls'),
      row('TBT', 'tbtMs', fmtMs),
    ]);
}

function sizeSection(_results, goals) {
  const g = goalById(goals, 'size');
  return `0. wasm + JS, brotli quality 11: ${g.actual.toFixed(1)} kB, goal ${g.target}: ${status(g.met)}`;
}

function scoresSection({ scores }, goals) {
  const rows = Object.keys(scores.app.scores).map((c) => {
    const g = goalById(goals, `score:${c}`);
    return [c, scores.app.scores[c], scores.static.scores[c], g.target, status(g.met)];
  });
  for (const [label, key, id] of [['FCP', 'fcpMs'], ['LCP', 'lcpMs', 'sim:lcp'], ['TBT', 'tbtMs', 'sim:tbt']]) {
    const g = id && goalById(goals, id);
    rows.push([label, fmtMs(scores.app.median[key]), fmtMs(scores.static.median[key]), g?.target ?? '—', status(g?.met)]);
  }
  rows.push(['performance per run', scores.app.runs.map((r) => r.performance).join(', '), scores.static.runs.map((r) => r.performance).join(', '), '', '']);
  rows.push(['TBT per run', scores.app.runs.map((r) => Math.round(r.tbtMs)).join(', '), scores.static.runs.map((r) => Math.round(r.tbtMs)).join(', '), '', '']);
  const notes = [];
  if (scores.app.failedAudits.length) notes.push(`app audits below 1: ${scores.app.failedAudits.join(', ')}`);
  const warnings = new Set([...scores.app.warnings, ...scores.static.warnings].map((w) => w.replace(/\s+/g, ' ').split(' Learn more')[0]));
  for (const w of warnings) notes.push(`Lighthouse: ${w}`);
  return `3. Lighthouse, mobile preset, default (simulated) throttling as PageSpeed Insights: median of ${scores.app.runs.length}\n${table(['category', 'app', 'static', 'goal', 'status'], rows)}`
    + notes.map((n) => `\n   ${n}`).join('');
}

function filtersSection({ filters, filterSettings }, goals) {
  const split = (r) => `${fmtMs(r.narrowMs)} / ${fmtMs(r.widenMs)}`;
  const rows = filters.map((r) => {
    const g = goalById(goals, `filter:${r.members}:${r.rate}x:${r.kind}`);
    return [r.members, `${r.rate}x`, r.kind, fmtMs(r.app.medianMs), fmtMs(r.vanilla.medianMs), `${g.ratio.toFixed(2)}×`,
      split(r.app), split(r.vanilla), g.target, g.met ? 'met' : `MISSED (${g.misses.join('; ')})`];
  });
  const mapGoal = goalById(goals, 'filter:map');
  if (mapGoal) {
    rows.push([103, '1x', 'region, map shown', fmtMs(mapGoal.actual), '—', '—', '', '', mapGoal.target, status(mapGoal.met)]);
  }
  return `4. Filter update, from the click or keystroke until the handler, its effects and a forced style and layout are done (no frame wait): median of ${filterSettings.changes} alternating changes `
    + `(${filterSettings.region} ↔ all; "${filterSettings.text}" ↔ "${filterSettings.text.slice(0, -1)}")\n`
    + table(['members', 'CPU', 'change', 'app', 'vanilla', 'ratio', 'app narrow / widen', 'vanilla narrow / widen', 'goal', 'status'], rows);
}

function memorySection({ memory }, goals) {
  const rows = [];
  for (const [page, m] of Object.entries(memory)) {
    for (const [key, label, goalId] of [['jsHeapBytes', 'JS heap', 'memory:jsHeapBytes'], ['wasmBytes', 'wasm memory', 'memory:wasmBytes'], ['domHeapBytes', 'DOM (Blink) heap']]) {
      if (m.first[key] == null) continue;
      const g = page === 'app' && goalId ? goalById(goals, goalId) : null;
      rows.push([page, label, fmtMb(m.first[key]), fmtMb(m.last[key]), fmtPct(m.last[key] / m.first[key] - 1), g?.target ?? '—', status(g?.met)]);
    }
  }
  const changes = memory.app.changes;
  return `5. Memory after ${changes} filter changes vs after the first (${memory.app.members} members, GC forced before each reading)\n`
    + table(['page', 'measure', 'after 1', `after ${changes}`, 'change', 'goal', 'status'], rows);
}

/** The whole report as text. */
export function formatReport(results, goals) {
  const { meta } = results;
  const parts = [
    `Benchmark of ${meta.site}${meta.wasm ? ` (${meta.wasm.replace(/^\.\//, '')})` : ''} — ${meta.browser}, ${meta.cpus} CPUs, load average ${meta.loadAverage.start.toFixed(1)} → ${meta.loadAverage.end.toFixed(1)}, ${Math.round(meta.durationMs / 1000)} s`,
  ];
  if (meta.loadAverage.start > meta.cpus || meta.loadAverage.end > meta.cpus) {
    parts.push('WARNING: the machine was busy (load average above the CPU count): timings are inflated and noisy.');
  }
  if (results.size) parts.push(sizeSection(results, goals));
  if (results.bytes) parts.push(bytesSection(results));
  if (results.load) parts.push(loadSection(results, goals, meta.throttling));
  if (results.scores) parts.push(scoresSection(results, goals));
  if (results.filters) parts.push(filtersSection(results, goals));
  if (results.memory) parts.push(memorySection(results, goals));
  const judged = goals.filter((g) => g.met != null);
  parts.push(`Goals met: ${judged.filter((g) => g.met).length} of ${judged.length}.`);
  return parts.join('\n\n');
}
