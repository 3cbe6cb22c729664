// Runs axe-core inside the page under test. axe comes from tools/node_modules
// (installed by the project's tool setup), never downloaded by the harness.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const AXE_PATH = process.env.E2E_AXE_PATH ?? path.join(projectRoot, 'tools/node_modules/axe-core/axe.min.js');

export const axeAvailable = () => existsSync(AXE_PATH);

/**
 * Returns axe's violations, reduced to what a failure message needs.
 * `context`/`options` are passed straight to axe.run (e.g. {runOnly: ['wcag2a', 'wcag2aa']}).
 */
export async function runAxe(session, { context = null, options = {} } = {}) {
  if (!axeAvailable()) throw new Error(`axe-core not found at ${AXE_PATH}`);
  if (!(await session.exec(() => typeof window.axe === 'object'))) await session.injectScriptFile(AXE_PATH);
  return session.execAsync(
    (ctx, opts) => window.axe.run(ctx ?? document, opts).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }))),
    context,
    options,
  );
}

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules the page is held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations of the WCAG_TAGS rules. */
export const wcagViolations = (session, context = null) =>
  runAxe(session, { context, options: { runOnly: { type: 'tag', values: WCAG_TAGS } } });

/** One line per violated rule, for assertion messages. */
export const formatViolations = (violations) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help} [${v.nodes.map((n) => n.target).join(', ')}]`).join('\n');
