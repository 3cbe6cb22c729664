#!/usr/bin/env node
// The directory's benchmark: the built app against the same page without scripts (static) and
// against a hand-written vanilla-JS directory (the floor for filter updates).
//   node bench/run.mjs [--dist dist] [--out target/bench] [--runs 3] [--changes 50] [--churn 1000]
//                      [--only bytes,load,scores,filters,memory]
// Prints a table with the issue's goals and writes the figures to <out>/results.json.
// scripts/bench builds the release first; this script measures whatever dist/ holds.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { filterTimes, memoryGrowth, pageBytes, withBrowser } from './lib/browser.mjs';
import { lighthouse, SLOW_4G } from './lib/lighthouse.mjs';
import { evaluateGoals, formatReport } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { stageSite, syntheticMembers } from './lib/site.mjs';
import { median, medianOf } from './lib/stats.mjs';
import { measure } from '../scripts/size-budget.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PHASES = ['bytes', 'load', 'scores', 'filters', 'memory'];
const SYNTHETIC_MEMBERS = 5000;
const PAGES = { app: '/', static: '/static.html', vanilla: '/vanilla.html' };
// Europe holds 39 of the 103 real members and a fifth of the synthetic ones; "an" matches
// about a quarter of either list, "a" two thirds or more: every change shows or hides many.
const FILTER = { region: 'europe', text: 'an', warmup: 4 };

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(projectRoot, 'dist') },
    out: { type: 'string', default: path.join(projectRoot, 'target/bench') },
    runs: { type: 'string', default: '3' },
    changes: { type: 'string', default: '50' },
    churn: { type: 'string', default: '1000' },
    only: { type: 'string', default: PHASES.join(',') },
  },
});
const phases = new Set(opts.only.split(',').map((p) => p.trim()));
for (const p of phases) if (!PHASES.includes(p)) throw new Error(`unknown phase "${p}" (known: ${PHASES.join(', ')})`);

const dim = (text) => (process.stderr.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
const log = (msg) => process.stderr.write(`${dim(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`)}\n`);

function chromiumVersion() {
  try {
    const out = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.replace(/\s+built on.*/s, '').trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

// ---------------------------------------------------------------- phases

async function measureBytes(browser, server, realMembers) {
  log('bytes per page load');
  return {
    app: await pageBytes(browser, server, { url: server.url(PAGES.app), members: realMembers }),
    static: await pageBytes(browser, server, { url: server.url(PAGES.static) }),
  };
}

const summarizeTimes = ({ narrow, widen, stale }) => ({
  medianMs: median([...narrow, ...widen]),
  narrowMs: median(narrow),
  widenMs: median(widen),
  stale,
  times: { narrow, widen },
});

async function measureFilters(browser, server, realMembers) {
  const changes = Number(opts.changes);
  const byPage = {};
  for (const members of [realMembers, SYNTHETIC_MEMBERS]) {
    if (members === SYNTHETIC_MEMBERS) {
      server.setFault('/members.json', { body: syntheticMembers(members), contentType: 'application/json' });
    }
    for (const page of ['app', 'vanilla']) {
      log(`filter updates: ${page}, ${members} members`);
      const rows = await filterTimes(browser, { url: server.url(PAGES[page]), members, rates: [1, 4], changes, ...FILTER });
      for (const row of rows) (byPage[page] ??= []).push({ members, ...row });
    }
    server.clearFaults();
  }
  return byPage.app.map((row, i) => ({
    members: row.members, rate: row.rate, kind: row.kind,
    app: summarizeTimes(row), vanilla: summarizeTimes(byPage.vanilla[i]),
  }));
}

/** Region changes on the app's page with the world map shown (no vanilla counterpart). */
async function measureMapFilters(browser, server, realMembers) {
  log(`filter updates with the map shown: app, ${realMembers} members`);
  const [row] = await filterTimes(browser, {
    url: server.url(PAGES.app), members: realMembers, rates: [1], changes: Number(opts.changes),
    ...FILTER, kinds: ['region'], map: true,
  });
  return { members: realMembers, rate: 1, kind: 'region, map shown', app: summarizeTimes(row) };
}

// A fresh browser per page: pages visited before stay alive in the back/forward cache, in the
// same renderer, and would count in its heap.
async function measureMemory(server, realMembers) {
  const memory = {};
  for (const page of ['app', 'vanilla']) {
    log(`memory over ${opts.churn} filter changes: ${page}`);
    const options = { url: server.url(PAGES[page]), members: realMembers, total: Number(opts.churn), ...FILTER };
    memory[page] = { members: realMembers, ...await withBrowser((browser) => memoryGrowth(browser, options)) };
  }
  return memory;
}

const onRetry = (err) => log(`retrying after: ${err.message.split('\n')[0]}`);
const lighthouseBin = () => path.join(projectRoot, 'tools/node_modules/.bin/lighthouse');

async function measureLoad(server) {
  const runs = { app: [], static: [] };
  for (let i = 1; i <= Number(opts.runs); i++) {
    for (const page of ['app', 'static']) { // interleaved, so drift on the machine hits both alike
      log(`Lighthouse, throttled load ${i}/${opts.runs}: ${page}`);
      const outFile = path.join(opts.out, 'lighthouse', `${page}-throttled-${i}.json`);
      runs[page].push(await lighthouse({ bin: lighthouseBin(), url: server.url(PAGES[page]), outFile, mode: 'throttled', onRetry }));
    }
  }
  const fields = ['fcpMs', 'lcpMs', 'cls', 'tbtMs'];
  return Object.fromEntries(Object.entries(runs).map(([page, r]) => [page, {
    median: medianOf(r, fields),
    runs: r.map((run) => ({ ...Object.fromEntries(fields.map((f) => [f, run[f]])), warnings: run.warnings })),
  }]));
}

// What PageSpeed Insights shows: the mobile preset with Lighthouse's simulated throttling.
async function measureScores(server) {
  const runs = { app: [], static: [] };
  for (let i = 1; i <= Number(opts.runs); i++) {
    for (const page of ['app', 'static']) { // interleaved, so drift on the machine hits both alike
      log(`Lighthouse, mobile preset (simulated throttling) ${i}/${opts.runs}: ${page}`);
      const outFile = path.join(opts.out, 'lighthouse', `${page}-scores-${i}.json`);
      runs[page].push(await lighthouse({ bin: lighthouseBin(), url: server.url(PAGES[page]), outFile, mode: 'scores', onRetry }));
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([page, r]) => {
    const categories = Object.keys(r[0].scores);
    return [page, {
      scores: Object.fromEntries(categories.map((c) => [c, median(r.map((run) => run.scores[c]))])),
      median: medianOf(r, ['fcpMs', 'lcpMs', 'cls', 'tbtMs']),
      runs: r.map(({ scores, fcpMs, lcpMs, tbtMs }) => ({ performance: scores.performance, fcpMs, lcpMs, tbtMs })),
      failedAudits: [...new Set(r.flatMap((run) => run.failedAudits))],
      warnings: [...new Set(r.flatMap((run) => run.warnings))],
    }];
  }));
}

/** wasm + JS as shipped (brotli, quality 11), counted as scripts/test's size budget counts them. */
function measureSize(dist) {
  return { wasmAndJsBrotliBytes: measure(dist).reduce((sum, f) => sum + f.brotli, 0) };
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const loadStart = os.loadavg()[0];
  const site = path.join(opts.out, 'site');
  log(`staging ${path.relative(projectRoot, opts.dist) || opts.dist} in ${path.relative(projectRoot, site)}`);
  const indexHtml = await stageSite({ dist: opts.dist, site });
  const realMembers = JSON.parse(await readFile(path.join(site, 'members.json'), 'utf8')).members.length;
  const server = await startServer({ root: site });
  const results = { size: measureSize(opts.dist) };
  try {
    if (phases.has('bytes') || phases.has('filters')) {
      await withBrowser(async (browser) => {
        if (phases.has('bytes')) results.bytes = await measureBytes(browser, server, realMembers);
        if (phases.has('filters')) {
          results.filters = await measureFilters(browser, server, realMembers);
          results.mapFilter = await measureMapFilters(browser, server, realMembers);
        }
      });
    }
    if (phases.has('memory')) results.memory = await measureMemory(server, realMembers);
    if (phases.has('load')) results.load = await measureLoad(server);
    if (phases.has('scores')) results.scores = await measureScores(server);
  } finally {
    await server.close();
  }
  if (results.filters) results.filterSettings = { changes: Number(opts.changes), ...FILTER };
  results.meta = {
    date: new Date().toISOString(),
    site: path.relative(projectRoot, opts.dist) || opts.dist,
    wasm: indexHtml.match(/data-wasm="([^"]+)"/)?.[1] ?? null,
    browser: chromiumVersion(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: loadStart, end: os.loadavg()[0] },
    durationMs: Date.now() - started,
    throttling: `${SLOW_4G.requestLatencyMs} ms latency, ${SLOW_4G.downloadThroughputKbps} kbps down, ${SLOW_4G.uploadThroughputKbps} kbps up, ${SLOW_4G.cpuSlowdownMultiplier}x CPU`,
    realMembers,
    syntheticMembers: SYNTHETIC_MEMBERS,
  };
  const goals = evaluateGoals(results);
  const file = path.join(opts.out, 'results.json');
  await writeFile(file, `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
  console.log(formatReport(results, goals));
  console.log(`\nFigures: ${path.relative(process.cwd(), file)}; Lighthouse reports: ${path.relative(process.cwd(), path.join(opts.out, 'lighthouse'))}/`);
}

await main();
