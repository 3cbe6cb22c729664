// Accessibility as a visitor meets it: automated WCAG 2.2 AA rules (axe-core), keyboard-only use,
// the live result count, reflow and text zoom, target sizes, non-text contrast in light and dark,
// reduced motion, and the page's landmarks and headings.
import { deepEqual, equal, eventually, ok } from './lib/assert.mjs';
import { wcagViolations } from './lib/axe.mjs';
import { installColour } from './lib/colour.mjs';
import {
  checkedRegion, chooseRegion, codesIn, focusInfo, search, searchBox, statusText, tabTo,
  visibleCodes, waitForDirectory,
} from './lib/directory.mjs';

const MIN_TARGET = 24; // WCAG 2.2 SC 2.5.8, CSS px
const MIN_NON_TEXT_CONTRAST = 3; // WCAG 2.1 SC 1.4.11

// ---------------------------------------------------------------- helpers

// Unlike lib/axe.mjs's one-liner this keeps axe's failure summaries: they carry the measured values.
const describeViolations = (violations) =>
  violations.map((v) => [
    `${v.impact} ${v.id}: ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');

async function expectNoAxeViolations(session, state) {
  const violations = await wcagViolations(session);
  equal(violations.length, 0, `axe found WCAG violations ${state}:\n${describeViolations(violations)}`);
}

async function openLoadError(session, origin, server) {
  server.setFault('/members.json', { status: 500 });
  await session.get(`${origin}/`);
  await session.waitFind('[role=alert]', { visible: true, timeout: 20_000 });
}

async function expectFocusVisible(session, when) {
  const focus = await focusInfo(session);
  ok(!focus.lost, `${when}: focus was lost (document.activeElement is ${focus.describe})`);
  ok(focus.visible, `${when}: no visible focus indicator on ${focus.describe} (outline: ${focus.outline})`);
  return focus;
}

async function expectFocusOnSearchBox(session, when) {
  await expectFocusVisible(session, when);
  ok(await (await session.activeElement()).equals(await searchBox(session)), `${when}: focus should be on the search box`);
}

/** Visible elements matching `css` with their rendered size. */
const sizesOf = (session, css) =>
  session.exec((sel) =>
    [...document.querySelectorAll(sel)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const { width, height } = el.getBoundingClientRect();
        return { what: `${sel} "${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 30)}"`, width, height };
      }), css);

async function expectTargets(session, css, context) {
  const sizes = await sizesOf(session, css);
  ok(sizes.length > 0, `${context}: no visible ${css}`);
  const small = sizes.filter((s) => s.width < MIN_TARGET || s.height < MIN_TARGET);
  deepEqual(small.map((s) => `${s.what} ${s.width.toFixed(1)}×${s.height.toFixed(1)}`), [],
    `${context}: targets smaller than ${MIN_TARGET}×${MIN_TARGET} CSS px`);
}

/** Horizontal overflow of the page and every visible member name that does not fit its box. */
const reflowProblems = (session) =>
  session.exec(() => {
    const root = document.documentElement;
    const names = [...document.querySelectorAll('.member__name')].filter((n) => n.getClientRects().length > 0);
    return {
      viewport: window.innerWidth,
      overflow: root.scrollWidth - root.clientWidth,
      names: names.length,
      clipped: names.filter((n) => n.scrollWidth > n.clientWidth)
        .map((n) => `${n.textContent} (${n.scrollWidth} > ${n.clientWidth})`),
    };
  });

function expectReflows(problems, context) {
  equal(problems.names, 103, `${context}: every member is listed`);
  equal(problems.overflow, 0, `${context}: the page scrolls sideways by ${problems.overflow} px`);
  deepEqual(problems.clipped, [], `${context}: member names are clipped`);
}

/** Which landmarks and headings a screen reader would list. */
const pageOutline = (session) =>
  session.exec(() => {
    // header/footer are banner/contentinfo only when not scoped to sectioning content or main.
    const scoped = 'article, aside, main, nav, section, [role=article], [role=complementary], [role=main], [role=navigation], [role=region]';
    const count = (tag, role) => [...document.querySelectorAll(`${tag}, [role=${role}]`)].filter((el) => {
      const explicit = el.getAttribute('role');
      if (explicit) return explicit === role;
      return tag === 'main' || !el.parentElement.closest(scoped);
    }).length;
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
      .filter((h) => h.getClientRects().length > 0 && !h.closest('[aria-hidden=true]'))
      .map((h) => ({
        level: h.getAttribute('role') === 'heading' ? Number(h.getAttribute('aria-level') ?? 2) : Number(h.tagName[1]),
        text: h.textContent.replace(/\s+/g, ' ').trim(),
      }));
    return { banner: count('header', 'banner'), main: count('main', 'main'), contentinfo: count('footer', 'contentinfo'), headings };
  });

async function expectOutline(session, state) {
  const { banner, main, contentinfo, headings } = await pageOutline(session);
  deepEqual({ banner, main, contentinfo }, { banner: 1, main: 1, contentinfo: 1 }, `${state}: landmarks`);
  const shown = headings.map((h) => `h${h.level} ${h.text}`).join(' | ');
  equal(headings[0]?.level, 1, `${state}: the first heading is the h1 (${shown})`);
  equal(headings.filter((h) => h.level === 1).length, 1, `${state}: exactly one h1 (${shown})`);
  for (let i = 1; i < headings.length; i++) {
    ok(headings[i].level <= headings[i - 1].level + 1, `${state}: heading level skipped before "${headings[i].text}" (${shown})`);
  }
}

// ---------------------------------------------------------------- colour, in the page

/**
 * Installs window.__a11y, on lib/colour.mjs's window.__colour: the colour painted behind a point,
 * contrast against it, and a switch between the light and dark colour schemes. WebDriver cannot
 * emulate prefers-color-scheme on all three engines, so the switch works on the style sheets instead:
 * it sets `color-scheme` on the root (which `light-dark()` follows) and turns every
 * `@media (prefers-color-scheme: …)` block on or off by rewriting its media text.
 */
function installA11yKit() {
  if (window.__a11y) return;
  const { parseColour: parse, over, relativeLuminance: luminance, contrastRatio: ratio, hex } = window.__colour;
  const viewport = () => [document.documentElement.clientWidth, document.documentElement.clientHeight];

  /** The colour painted at (x, y) by everything under it except `skip` and its contents. */
  const backdrop = (x, y, skip) => {
    const layers = [];
    for (const el of document.elementsFromPoint(x, y)) {
      if (skip.contains(el)) continue;
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };

  /** Contrast of `colour` against what lies `distance` px outside each side of `el`. */
  const around = (el, colour, distance, skip = el) => {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    const [w, h] = viewport();
    const points = {
      left: [r.left - distance, r.top + r.height / 2],
      right: [r.right + distance, r.top + r.height / 2],
      top: [r.left + r.width / 2, r.top - distance],
      bottom: [r.left + r.width / 2, r.bottom + distance],
    };
    const paint = parse(colour);
    const sides = Object.entries(points)
      .filter(([, [x, y]]) => x >= 0 && y >= 0 && x < w && y < h)
      .map(([side, [x, y]]) => {
        const behind = backdrop(x, y, skip);
        return { side, behind: hex(behind), luminance: luminance(behind), ratio: ratio(over(paint, behind), behind) };
      });
    if (sides.length === 0) throw new Error(`nothing around ${el.className} is inside the viewport`);
    return { colour: hex(paint), sides, min: Math.min(...sides.map((s) => s.ratio)) };
  };

  /** The element that draws `el`'s focus ring: the invisible radio inputs use their chip face. */
  const ringOf = (el) => (el.matches('.chip__input') ? el.parentElement.querySelector('.chip__face') ?? el : el);

  window.__a11y = {
    focusRing() {
      const ring = ringOf(document.activeElement);
      const s = getComputedStyle(ring);
      const distance = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) / 2;
      return around(ring, s.outlineColor, distance, ring.closest('.chip') ?? ring);
    },
    /** The element's own background against what surrounds it. */
    box(el) {
      return around(el, getComputedStyle(el).backgroundColor, 1);
    },
    /** Each chip's edge: its border, or for the checked chip its filled background. */
    chips() {
      return [...document.querySelectorAll('.chip')].map((chip) => {
        const face = chip.querySelector('.chip__face');
        const checked = chip.querySelector('input').checked;
        const s = getComputedStyle(face);
        const edge = around(face, checked ? s.backgroundColor : s.borderTopColor, 1, chip);
        return { chip: `${face.textContent.replace(/\s+/g, ' ').trim()}${checked ? ' (checked)' : ''}`, ...edge };
      });
    },
    forceColorScheme(scheme) {
      document.documentElement.style.colorScheme = scheme;
      const visit = (rules) => {
        for (const rule of rules) {
          if (rule.media) {
            rule.__originalMedia ??= rule.media.mediaText;
            rule.media.mediaText = rule.__originalMedia.replace(
              /\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/g,
              (_, wanted) => (wanted === scheme ? '(min-width: 0px)' : '(max-width: -1px)'),
            );
          }
          if (rule.cssRules) visit(rule.cssRules);
        }
      };
      for (const sheet of document.styleSheets) visit(sheet.cssRules);
    },
  };
}

const SCHEMES = ['light', 'dark'];

/** Runs `measure` (in the page, with window.__a11y) in each colour scheme. */
async function inEachScheme(session, measure) {
  await installColour(session);
  await session.exec(installA11yKit);
  const results = {};
  for (const scheme of SCHEMES) {
    await session.exec((s) => window.__a11y.forceColorScheme(s), scheme);
    results[scheme] = await session.exec(measure);
  }
  await session.exec(() => window.__a11y.forceColorScheme('light'));
  return results;
}

const describeSides = (m) => m.sides.map((s) => `${s.side} ${s.ratio.toFixed(2)}:1 on ${s.behind}`).join(', ');

// ---------------------------------------------------------------- tests

const axeStates = [
  ['on first load', async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForDirectory(session);
  }],
  ['with a region selected', async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForDirectory(session);
    await chooseRegion(session, 'Europe');
    await eventually(async () => deepEqual(await visibleCodes(session), codesIn('Europe')));
  }],
  ['with a search that finds nobody', async ({ session, origin }) => {
    await session.get(`${origin}/`);
    await waitForDirectory(session);
    await search(session, 'qqq');
    await eventually(async () => equal(await statusText(session), '0 of 103 members'));
    await session.waitFind('.directory__empty', { visible: true });
  }],
  ['when the member list cannot be loaded', ({ session, origin, server }) => openLoadError(session, origin, server)],
];

export const tests = [
  ...axeStates.map(([state, reach]) => ({
    name: `axe: no WCAG 2.2 A/AA violations ${state}`,
    async run(context) {
      await reach(context);
      await expectNoAxeViolations(context.session, state);
    },
  })),

  {
    name: 'keyboard: Tab goes to the skip link first, then the region filter and the search box, focus always visible',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await session.keys('Tab');
      const first = await expectFocusVisible(session, 'first Tab');
      equal(await session.exec(() => document.activeElement.textContent.trim()), 'Skip to the member directory',
        `the first Tab stop is the skip link, not ${first.describe}`);
      const toRadios = await tabTo(session, '.chip__input');
      equal(await session.exec(() => document.activeElement.value), 'all', 'Tab enters the region group at the checked "All"');
      const toSearch = await tabTo(session, 'input[type=search]');
      equal(toSearch.length, 1, `one Tab leaves the radio group for the search box (went ${toSearch.map((s) => s.describe).join(' → ')})`);
      for (const stop of [first, ...toRadios, ...toSearch]) {
        ok(!stop.lost && stop.visible, `focus visible at every Tab stop: ${stop.describe} has outline ${stop.outline}`);
      }
    },
  },
  {
    name: 'keyboard: the skip link moves focus and scroll to the member directory',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await session.keys('Tab');
      equal(await session.exec(() => document.activeElement.className), 'skip-link');
      await session.keys('Enter');
      await eventually(async () => {
        const where = await session.exec(() => ({
          focus: document.activeElement?.id,
          top: document.getElementById('members').getBoundingClientRect().top,
          scrolled: window.scrollY,
        }));
        equal(where.focus, 'members', 'focus is on the directory section');
        ok(where.scrolled > 0 && Math.abs(where.top) <= 2, `the directory section is scrolled to the top (top ${where.top}, scrollY ${where.scrolled})`);
      });
      await session.keys('Tab');
      equal(await session.exec(() => document.activeElement.value), 'all', 'the next Tab continues in the directory, at the region filter');
      await expectFocusVisible(session, 'Tab after the skip link');
    },
  },
  {
    name: 'keyboard: arrow keys choose a region and the list follows; typing searches; focus stays visible',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await tabTo(session, '.chip__input');
      for (const [key, region, value] of [['ArrowRight', 'Africa', 'africa'], ['ArrowDown', 'Americas', 'americas']]) {
        await session.keys(key);
        await eventually(async () => deepEqual(await visibleCodes(session), codesIn(region)), 5000);
        equal(await checkedRegion(session), value);
        equal(await statusText(session), `${codesIn(region).length} of 103 members`);
        const focus = await expectFocusVisible(session, `after ${key} to ${region}`);
        equal(await session.exec(() => document.activeElement.value), value, `focus follows the selection (${focus.describe})`);
      }
      await tabTo(session, 'input[type=search]');
      await session.keys('bra');
      await eventually(async () => deepEqual(await visibleCodes(session), ['BR']));
      await expectFocusOnSearchBox(session, 'after typing "bra"');
      await session.keys('q');
      await eventually(async () => equal(await statusText(session), '0 of 103 members'));
      await expectFocusOnSearchBox(session, 'after the list emptied');
    },
  },
  {
    name: 'keyboard: "Clear filters" works with Enter and with Space and keeps focus',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await tabTo(session, '.chip__input');
      await session.keys('ArrowRight'); // Africa
      await eventually(async () => equal(await checkedRegion(session), 'africa'));
      await tabTo(session, 'input[type=search]');
      for (const key of ['Enter', 'Space']) {
        await session.keys('qqq');
        await eventually(async () => equal(await statusText(session), '0 of 103 members'));
        const stops = await tabTo(session, '.directory__summary button', { max: 3 });
        await expectFocusVisible(session, `Tab to "Clear filters" (${stops.map((s) => s.describe).join(' → ')})`);
        await session.keys(key);
        await eventually(async () => equal((await visibleCodes(session)).length, 103));
        equal(await checkedRegion(session), 'all', `${key}: region back to All`);
        equal(await (await searchBox(session)).prop('value'), '', `${key}: search emptied`);
        await expectFocusOnSearchBox(session, `after ${key} on "Clear filters"`);
      }
    },
  },

  {
    name: 'live region: the result count is announced from a role=status that exists before it changes',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      // (The other status region under the list confirms a copied link.)
      const regions = await session.findAll('[data-member-directory] .directory__summary [role=status]');
      equal(regions.length, 1, 'one status region for the count');
      const [status] = regions;
      ok(await status.isDisplayed(), 'the status region is rendered (not display:none), so it is in the accessibility tree');
      equal(await status.text(), '103 of 103 members');
      await chooseRegion(session, 'Europe');
      await eventually(async () => equal(await status.text(), `${codesIn('Europe').length} of 103 members`));
      await search(session, 'qqq');
      await eventually(async () => equal(await status.text(), '0 of 103 members'));
      ok(await status.equals(await session.find('[data-member-directory] [role=status]')),
        'the same element still carries the count (it was updated, not replaced)');
    },
  },

  {
    name: 'reflow: at a 320 CSS px viewport nothing scrolls sideways and no member name is clipped',
    async run({ session, origin, server }) {
      // Firefox and WebKitGTK windows stop shrinking at about 450-500 px, so the page is given
      // a 320 px viewport inside an iframe, served by the test server from the same origin.
      server.setFault('/reflow-320.html', {
        body: '<!doctype html><html lang="en"><title>320 px</title><iframe src="/" width="320" height="800" title="The page at 320 px"></iframe>',
        contentType: 'text/html; charset=utf-8',
      });
      await session.get(`${origin}/reflow-320.html`);
      await session.switchToFrame(await session.find('iframe'));
      await waitForDirectory(session);
      const problems = await reflowProblems(session);
      equal(problems.viewport, 320, 'the viewport is 320 CSS px wide');
      expectReflows(problems, '320 px');
      await expectTargets(session, '.chip__face, .search__input', '320 px');
      await search(session, 'qqq');
      await session.waitFind('.directory__empty', { visible: true });
      equal((await reflowProblems(session)).overflow, 0, '320 px, empty result: no sideways scrolling');
    },
  },
  {
    name: 'reflow: text at 200% on a 1280 px window, nothing scrolls sideways and no member name is clipped',
    async run({ session, origin }) {
      await session.setWindowSize(1280, 900);
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      // The app must not rely on inline styles (a strict CSP forbids them); only the test sets one.
      deepEqual(await session.exec(() => [...document.querySelectorAll('[style]')].map((el) => el.outerHTML.slice(0, 80))), [],
        'the app sets no inline style attributes');
      await session.exec(() => { document.documentElement.style.fontSize = '200%'; });
      const problems = await reflowProblems(session);
      ok(problems.viewport >= 1200, `window is desktop-wide (${problems.viewport} px)`);
      expectReflows(problems, '200% text');
      await expectTargets(session, '.chip__face, .search__input', '200% text');
    },
  },
  {
    name: 'target size: chips, search box, buttons and the focused skip link are at least 24×24 CSS px',
    async run({ session, origin, server }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await session.keys('Tab');
      await expectTargets(session, '.skip-link', 'skip link when focused');
      await expectTargets(session, '.chip__face', 'region chips');
      await expectTargets(session, '.search__input', 'search box');
      await search(session, 'qqq');
      await session.waitFind('.directory__summary button', { visible: true });
      await expectTargets(session, 'button', '"Clear filters" and the search box\'s clear button');
      await openLoadError(session, origin, server);
      await expectTargets(session, 'button', '"Try again"');
    },
  },

  {
    name: 'contrast: focus outlines stand out 3:1 from what is behind them, light and dark',
    async run({ session, origin, server }) {
      const failures = [];
      const lighter = [];
      const check = async (what) => {
        const m = await inEachScheme(session, () => window.__a11y.focusRing());
        for (const scheme of SCHEMES) {
          if (m[scheme].min < MIN_NON_TEXT_CONTRAST) {
            failures.push(`${scheme}: ${what} outline ${m[scheme].colour}: ${describeSides(m[scheme])}`);
          }
        }
        lighter.push(m.light.sides[0].luminance > m.dark.sides[0].luminance);
      };
      await session.get(`${origin}/`);
      await waitForDirectory(session);

      await session.keys('Tab');
      // The skip link appears only on focus; its own box is as much its indicator as its outline.
      const skip = await inEachScheme(session, () => ({
        outline: window.__a11y.focusRing(),
        box: window.__a11y.box(document.activeElement),
      }));
      for (const scheme of SCHEMES) {
        const { outline, box } = skip[scheme];
        if (Math.max(outline.min, box.min) < MIN_NON_TEXT_CONTRAST) {
          failures.push(`${scheme}: skip link, neither outline ${outline.colour} (${describeSides(outline)}) nor box ${box.colour} (${describeSides(box)})`);
        }
      }
      await tabTo(session, '.chip__input');
      await check('region chip');
      await tabTo(session, 'input[type=search]');
      await check('search box');
      await session.keys('qqq');
      await tabTo(session, '.search__clear');
      await check('"Clear search"');
      await tabTo(session, '.directory__summary button');
      await check('"Clear filters"');
      await openLoadError(session, origin, server);
      await tabTo(session, '[role=alert] button');
      await check('"Try again"');

      ok(lighter.every(Boolean), 'the dark scheme really was applied (backgrounds got darker)');
      deepEqual(failures, [], `focus outlines below ${MIN_NON_TEXT_CONTRAST}:1`);
    },
  },
  {
    name: 'contrast: region chips stand out 3:1 from the section (border, or fill when checked), light and dark',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await chooseRegion(session, 'Asia');
      await eventually(async () => equal(await checkedRegion(session), 'asia'));
      const m = await inEachScheme(session, () => window.__a11y.chips());
      ok(m.light[0].sides[0].luminance > m.dark[0].sides[0].luminance, 'the dark scheme really was applied');
      const failures = SCHEMES.flatMap((scheme) => m[scheme]
        .filter((chip) => chip.min < MIN_NON_TEXT_CONTRAST)
        .map((chip) => `${scheme}: ${chip.chip} edge ${chip.colour}: ${describeSides(chip)}`));
      deepEqual(failures, [], `chip edges below ${MIN_NON_TEXT_CONTRAST}:1 against the section`);
    },
  },
  {
    name: 'reduced motion: a prefers-reduced-motion: reduce rule turns the loading animation off',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      const found = await session.exec(() => {
        const rules = [];
        const visit = (list) => {
          for (const rule of list) {
            if (rule.media && /prefers-reduced-motion\s*:\s*reduce/.test(rule.media.mediaText)) rules.push(rule);
            else if (rule.cssRules) visit(rule.cssRules);
          }
        };
        for (const sheet of document.styleSheets) visit(sheet.cssRules);
        const stopping = rules.flatMap((media) => [...media.cssRules])
          .filter((r) => r.style && (r.style.animationName === 'none' || /^none\b/.test(r.style.getPropertyValue('animation'))));

        // The rule must also win the cascade: switch it on and look at a loading placeholder.
        const probe = document.createElement('div');
        probe.className = 'directory__loading';
        document.querySelector('[data-member-directory]').append(probe);
        const before = getComputedStyle(probe).animationName;
        const originals = rules.map((r) => r.media.mediaText);
        for (const r of rules) r.media.mediaText = 'all';
        const after = getComputedStyle(probe).animationName;
        rules.forEach((r, i) => { r.media.mediaText = originals[i]; });
        probe.remove();
        return { media: originals, selectors: stopping.map((r) => r.selectorText), before, after };
      });
      ok(found.media.length > 0, 'a @media (prefers-reduced-motion: reduce) rule exists');
      ok(found.selectors.length > 0, `it sets animation: none (rules inside: ${found.media.join('; ')})`);
      ok(found.before !== 'none', `the loading placeholder is animated normally (${found.before})`);
      equal(found.after, 'none', `with reduced motion the loading placeholder is still animated (${found.after}); selectors: ${found.selectors.join(', ')}`);
    },
  },

  {
    name: 'landmarks and headings: one banner, main and contentinfo; h1 then h2 without skipped levels',
    async run({ session, origin, server }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await expectOutline(session, 'first load');
      const { headings } = await pageOutline(session);
      deepEqual(headings.slice(0, 2).map((h) => h.level), [1, 2], 'h1 then h2');
      await search(session, 'qqq');
      await session.waitFind('.directory__empty', { visible: true });
      await expectOutline(session, 'empty result');
      await openLoadError(session, origin, server);
      await expectOutline(session, 'load error');
    },
  },
];
