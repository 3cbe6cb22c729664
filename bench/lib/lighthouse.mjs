// Lighthouse runs through its CLI: each run gets a fresh Chromium with a clean profile.
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // With paint holding, headless Chromium here paints most loads one or two whole seconds late,
  // app and static page alike (FCP ~2.4 s instead of ~0.8 s; viz throttles the new page's
  // BeginFrames, GoogleChrome/lighthouse#17148), which swamps any difference between pages.
  // ChromeDriver sets the same flag for its sessions.
  '--disable-features=PaintHolding',
];

/** Slow 4G and a 4x slower CPU, applied by DevTools while the page loads (not simulated). */
export const SLOW_4G = {
  requestLatencyMs: 150,
  downloadThroughputKbps: 1600,
  uploadThroughputKbps: 750,
  cpuSlowdownMultiplier: 4,
};

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function lighthouseArgs(url, outFile, mode) {
  const args = [url, '--output=json', `--output-path=${outFile}`, '--quiet', `--chrome-flags=${CHROME_FLAGS.join(' ')}`];
  if (mode === 'scores') return args; // the mobile preset with Lighthouse's own (simulated) throttling
  return [
    ...args,
    '--only-categories=performance',
    '--throttling-method=devtools',
    ...Object.entries(SLOW_4G).map(([key, value]) => `--throttling.${key}=${value}`),
  ];
}

function run(bin, args, { timeoutMs }) {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout also ends the Chromium that Lighthouse started.
    const child = spawn(bin, args, {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse ${signal ? `killed (${signal})` : `exited ${code}`}: ${stderr.trim()}`));
    });
  });
}

function summarize(lhr, mode) {
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  if (mode === 'throttled' && lhr.configSettings.throttlingMethod !== 'devtools') {
    throw new Error(`lighthouse ran with ${lhr.configSettings.throttlingMethod} throttling, not devtools`);
  }
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    cls: metric('cumulative-layout-shift'),
    tbtMs: metric('total-blocking-time'),
    scores: Object.fromEntries(CATEGORIES.filter((c) => lhr.categories[c])
      .map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
    failedAudits: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id),
    warnings: lhr.runWarnings,
  };
}

async function attempt({ bin, url, outFile, mode, timeoutMs }) {
  await run(bin, lighthouseArgs(url, outFile, mode), { timeoutMs });
  return summarize(JSON.parse(await readFile(outFile, 'utf8')), mode);
}

/**
 * mode "throttled": devtools throttling, performance only; mode "scores": mobile preset defaults.
 * One retry: on a busy machine a run now and then ends without a paint (NO_FCP) or times out.
 */
export async function lighthouse({ bin, url, outFile, mode, timeoutMs = 180_000, onRetry = () => {} }) {
  await mkdir(path.dirname(outFile), { recursive: true });
  try {
    return await attempt({ bin, url, outFile, mode, timeoutMs });
  } catch (err) {
    onRetry(err);
    return attempt({ bin, url, outFile, mode, timeoutMs });
  }
}
