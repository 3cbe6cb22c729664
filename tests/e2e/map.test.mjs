// The world map: loaded after the content, coloured by region, in step with the filters, named
// on hover and focus, linked to the list, and usable without 103 tab stops.
import { deepEqual, equal, eventually, match, ok } from './lib/assert.mjs';
import { formatViolations, wcagViolations } from './lib/axe.mjs';
import { installColour } from './lib/colour.mjs';
import {
  MEMBERS, chooseRegion, codesIn, mapCodes, search, statusText, tabTo, visibleCodes, waitForDirectory,
  waitForMap,
} from './lib/directory.mjs';

const ALL_CODES = codesIn(null);

/** Fill colours of the member shapes by region, and their contrast with non-member land. */
async function mapColours(session) {
  await installColour(session);
  return session.exec(() => {
    const { contrastRatio, parseColour } = window.__colour;
    const svg = document.querySelector('[data-member-directory] .world-map svg');
    const land = getComputedStyle(svg.querySelector('path:not([data-member])')).fill;
    const regions = {};
    for (const shape of svg.querySelectorAll('path[data-member]')) {
      const fill = getComputedStyle(shape).fill;
      regions[shape.dataset.region] = { fill, contrast: contrastRatio(parseColour(fill), parseColour(land)) };
    }
    return { land, regions };
  });
}

export const tests = [
  {
    name: 'every member is marked on the map and coloured by region; non-members stay muted',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await waitForMap(session);
      deepEqual(await mapCodes(session), ALL_CODES, 'one focus target per member');
      const regions = await session.exec(() =>
        Object.fromEntries([...document.querySelectorAll('.world-map svg [data-target]')].map((el) => [el.dataset.code, el.dataset.region])));
      for (const member of MEMBERS) equal(regions[member.code], member.region.toLowerCase(), member.code);
      equal(await session.exec(() => document.querySelector('.world-map svg [data-code="IN"]')?.hasAttribute('data-member')), false,
        'India is not a member');
      const colours = await mapColours(session);
      equal(Object.keys(colours.regions).sort().join(), 'africa,americas,asia,europe,oceania');
      const fills = new Set(Object.values(colours.regions).map((r) => r.fill));
      equal(fills.size, 5, 'five distinct region colours');
      for (const [region, { contrast }] of Object.entries(colours.regions)) {
        ok(contrast >= 3, `${region} against non-member land: ${contrast.toFixed(2)}:1`);
      }
      // Small members get a dot as well as (or instead of) an outline.
      for (const code of ['MT', 'SG', 'BH', 'SM']) {
        equal(await session.exec((c) => document.querySelector(`.world-map svg circle[data-code="${c}"][data-member]`) !== null, code), true, code);
      }
    },
  },
  {
    name: 'the map is a separate asset requested only after the first contentful paint',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      const timing = await session.exec(() => {
        const map = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/map.svg'));
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        return { map: map?.startTime ?? null, fcp: fcp?.startTime ?? null, wasm: wasm?.responseEnd ?? null };
      });
      ok(timing.map !== null, 'map.svg was fetched');
      ok(timing.wasm !== null && timing.map >= timing.wasm, `map requested after the app arrived: ${JSON.stringify(timing)}`);
      if (timing.fcp !== null) ok(timing.map > timing.fcp, `map requested after first contentful paint: ${JSON.stringify(timing)}`);
    },
  },
  {
    name: 'the map is not fetched for a visitor who never scrolls near it',
    async run({ session, origin, server }) {
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await new Promise((r) => setTimeout(r, 1500));
      equal(server.getRequestCount('/map.svg'), 0, 'no map request while it is far below the fold');
      await waitForMap(session);
      equal(server.getRequestCount('/map.svg'), 1);
    },
  },
  {
    name: 'choosing Africa in the legend lists the 21 African members and highlights exactly their shapes',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      // The region chips are the legend: each carries its region's swatch.
      const swatches = await session.exec(() =>
        [...document.querySelectorAll('[data-member-directory] .chip .swatch')].map((s) => getComputedStyle(s).display));
      ok(swatches.length === 5 && swatches.every((d) => d !== 'none'), `legend swatches shown: ${swatches}`);
      await chooseRegion(session, 'Africa');
      await eventually(async () => deepEqual(await visibleCodes(session), codesIn('Africa')));
      equal(codesIn('Africa').length, 21);
      await eventually(async () => deepEqual(await mapCodes(session, '[data-match="true"]'), codesIn('Africa')));
      deepEqual(await mapCodes(session, '[data-match="false"]'), ALL_CODES.filter((c) => !codesIn('Africa').includes(c)));
      await eventually(async () => match(await session.exec(() => location.search), /region=africa/));
      await eventually(async () => {
        const dimmed = await session.exec(() => Number(getComputedStyle(document.querySelector('.world-map svg [data-match="false"]')).opacity));
        ok(dimmed < 0.5, `members outside the filter are dimmed (opacity ${dimmed})`);
      });
    },
  },
  {
    name: 'the map follows the search',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      await search(session, 'united');
      await eventually(async () => deepEqual(await mapCodes(session, '[data-match="true"]'), ['AE', 'GB', 'TZ', 'US']));
    },
  },
  {
    name: 'focusing a member shape shows its name; the map is one tab stop and arrow keys move within it',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      equal(await session.exec(() => document.querySelectorAll('.world-map svg [tabindex="0"]').length), 1, 'one tab stop');
      await tabTo(session, '.world-map svg [data-target]', { max: 40 });
      const first = await session.exec(() => document.activeElement.dataset.code);
      equal(first, 'AL', 'the first member in list order');
      match(await (await session.find('.world-map__name')).text(), /^Albania/);
      await session.keys('\uE014'); // ArrowRight
      await eventually(async () => equal(await session.exec(() => document.activeElement.dataset.code), 'AO'));
      match(await (await session.find('.world-map__name')).text(), /^Angola/);
      // The next Tab leaves the map for the list's surroundings rather than visiting 103 shapes.
      await session.keys('\uE004');
      equal(await session.exec(() => document.activeElement.closest('.world-map svg') === null), true);
      // Focusing any member shape directly names it too.
      await session.exec(() => document.querySelector('.world-map svg [data-code="KE"][data-target]').focus());
      match(await (await session.find('.world-map__name')).text(), /^Kenya/);
      equal(await session.exec(() => document.querySelector('.world-map svg [data-code="KE"][data-target]').getAttribute('aria-label')), 'Kenya');
    },
  },
  {
    name: 'activating a member on the map scrolls to and highlights its entry in the list',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      await session.exec(() => document.querySelector('.world-map svg [data-code="ZW"][data-target]').focus());
      await session.keys('\uE007'); // Enter
      await eventually(async () => equal(await session.exec(() => document.activeElement.dataset.code), 'ZW'));
      const entry = await session.exec(() => {
        const li = document.querySelector('li.member[data-code="ZW"]');
        const r = li.getBoundingClientRect();
        return { highlighted: li.hasAttribute('data-highlighted'), inView: r.top >= 0 && r.bottom <= innerHeight };
      });
      equal(entry.highlighted, true);
      await eventually(async () => equal(await session.exec(() => {
        const r = document.querySelector('li.member[data-code="ZW"]').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }), true), 5000);
      // A pointer click does the same, once the smooth scroll to Zimbabwe's card has come to
      // rest (a click aimed while the page still moves can land on a neighbour).
      await session.exec(() => new Promise((resolve) => {
        let last = -1;
        const settle = () => {
          if (scrollY === last) resolve();
          else { last = scrollY; setTimeout(() => requestAnimationFrame(settle), 50); }
        };
        requestAnimationFrame(settle);
      }));
      const shape = await session.find('.world-map svg [data-code="BR"][data-target]');
      await shape.click();
      await eventually(async () => equal(await session.exec(() => document.activeElement.dataset.code), 'BR'));
    },
  },
  {
    name: 'screen readers get a summary of the map, not 103 unlabelled shapes',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      const svg = await session.exec(() => {
        const el = document.querySelector('.world-map svg');
        return { role: el.getAttribute('role'), label: el.getAttribute('aria-label') };
      });
      equal(svg.role, 'group');
      equal(svg.label, 'Map: 103 member governments. Africa: 21, Americas: 15, Asia: 25, Europe: 39, Oceania: 3.');
      const unlabelled = await session.exec(() =>
        [...document.querySelectorAll('.world-map svg [role]')].filter((el) => !el.getAttribute('aria-label')).length);
      equal(unlabelled, 0);
    },
  },
  {
    name: 'axe reports no WCAG 2.2 A/AA violations with the map, also with a region chosen',
    async run({ session, origin }) {
      await session.get(`${origin}/?region=asia`);
      await waitForMap(session);
      const violations = await wcagViolations(session);
      equal(violations.length, 0, formatViolations(violations));
    },
  },
  {
    name: 'the embed shows the map with map=1, in the dark scheme too, and not without it',
    async run({ session, origin }) {
      await session.get(`${origin}/embed.html?map=1&theme=dark`);
      await waitForMap(session);
      const colours = await mapColours(session);
      for (const [region, { contrast }] of Object.entries(colours.regions)) {
        ok(contrast >= 3, `dark scheme, ${region} against non-member land: ${contrast.toFixed(2)}:1`);
      }
      await session.get(`${origin}/embed.html?controls=none&region=oceania&map=1`);
      await waitForMap(session);
      // Without the region filter the map brings its own legend.
      match(await (await session.find('.world-map__legend')).text(), /Oceania\s*3/);
      await session.get(`${origin}/embed.html`);
      await waitForDirectory(session);
      equal((await session.findAll('.world-map')).length, 0);
    },
  },
  {
    name: 'at 320 px the map comes after the list, without sideways scrolling',
    session: { windowSize: [320, 800] },
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      const layout = await session.exec(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        mapTop: document.querySelector('.world-map').getBoundingClientRect().top,
        listBottom: document.querySelector('.member-list').getBoundingClientRect().bottom,
        mapWidth: document.querySelector('.world-map svg').getBoundingClientRect().width,
      }));
      ok(layout.overflow <= 0, `no horizontal scrolling: ${JSON.stringify(layout)}`);
      ok(layout.listBottom <= layout.mapTop, `the list first, what a filter changes right under it: ${JSON.stringify(layout)}`);
      ok(layout.mapWidth > 200, `map uses the width: ${JSON.stringify(layout)}`);
      equal(await statusText(session), '103 of 103 members');
    },
  },
  {
    name: 'a map that cannot be loaded leaves a note and a working list',
    async run({ session, origin, server }) {
      server.setFault('/map.svg', { status: 500 });
      await session.get(`${origin}/`);
      await waitForDirectory(session);
      await session.waitFor(() => session.exec(() => {
        const map = document.querySelector('.world-map');
        map.scrollIntoView({ block: 'center' });
        return map.dataset.state === 'failed';
      }), { message: 'the map to report failure' });
      match(await (await session.find('.world-map__caption')).text(), /could not be loaded/);
      await chooseRegion(session, 'Oceania');
      await eventually(async () => deepEqual(await visibleCodes(session), codesIn('Oceania')));
    },
  },
  {
    name: 'a focused country is drawn on top with a two-line ring that stands out 3:1 from every region and the land, light and dark',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      await session.exec(() => document.querySelector('.world-map svg [data-code="AO"][data-target]').focus());
      await installColour(session);
      const measure = () => session.exec(() => {
        const { contrastRatio, parseColour } = window.__colour;
        const svg = document.querySelector('[data-member-directory] .world-map svg');
        const ring = svg.lastElementChild;
        const outer = ring.querySelector('.world-map__ring-outer');
        const inner = ring.querySelector('.world-map__ring-inner');
        const lines = [getComputedStyle(outer).stroke, getComputedStyle(inner).stroke].map(parseColour);
        const below = { land: getComputedStyle(svg.querySelector('path:not([data-member])')).fill };
        for (const shape of svg.querySelectorAll('.world-map__land path[data-member]')) below[shape.dataset.region] = getComputedStyle(shape).fill;
        return {
          onTop: ring.classList.contains('world-map__ring') && outer?.dataset.region === 'africa',
          worst: Math.min(...Object.values(below).map((fill) => Math.max(...lines.map((line) => contrastRatio(line, parseColour(fill)))))),
          regions: Object.keys(below).length,
        };
      });
      const light = await measure();
      ok(light.onTop, 'Angola is drawn again as the map\'s last layer');
      equal(light.regions, 6, 'five regions and the land measured');
      ok(light.worst >= 3, `light: the ring's better line stands out ${light.worst.toFixed(2)}:1 at worst`);
      await session.exec(() => { document.documentElement.dataset.theme = 'dark'; });
      const dark = await measure();
      ok(dark.worst >= 3, `dark: the ring's better line stands out ${dark.worst.toFixed(2)}:1 at worst`);
      await session.exec(() => document.querySelector('.world-map svg [data-code="AO"][data-target]').blur());
      equal(await session.exec(() => document.querySelector('.world-map__ring').childElementCount), 0, 'the ring goes with the focus');
    },
  },
  {
    name: 'the name of a country pointed at or focused appears next to it, not in a corner',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      for (const code of ['LU', 'AU', 'CA', 'ZA']) {
        await session.exec((c) => document.querySelector(`.world-map svg [data-code="${c}"][data-target]`).focus(), code);
        await eventually(async () => match(await (await session.find('.world-map__name')).text(), new RegExp(`^${MEMBERS.find((m) => m.code === code).name}`)));
        const gap = await session.exec((c) => {
          const shape = document.querySelector(`.world-map svg path[data-code="${c}"]`).getBoundingClientRect();
          const label = document.querySelector('.world-map__name').getBoundingClientRect();
          const stage = document.querySelector('.world-map__stage').getBoundingClientRect();
          const dx = Math.max(label.left - shape.right, shape.left - label.right, 0);
          const dy = Math.max(label.top - shape.bottom, shape.top - label.bottom, 0);
          const inside = label.left >= stage.left - 1 && label.right <= stage.right + 1;
          return { distance: Math.round(Math.hypot(dx, dy)), inside };
        }, code);
        ok(gap.distance <= 120, `${code}: the name is ${gap.distance} px from the country`);
        ok(gap.inside, `${code}: the name stays within the map`);
      }
      // Pointing works like focusing.
      const germany = await session.find('.world-map svg path[data-code="DE"]');
      await session.call('performActions', [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', origin: germany, x: 0, y: 0 }] }]);
      await eventually(async () => match(await (await session.find('.world-map__name')).text(), /^Germany/));
    },
  },
  {
    name: 'choosing a region zooms the map to it, and "All" zooms back out',
    async run({ session, origin }) {
      await session.get(`${origin}/`);
      await waitForMap(session);
      const width = (code) => session.exec((c) => document.querySelector(`.world-map svg path[data-code="${c}"]`).getBoundingClientRect().width, code);
      const germany = await width('DE');
      await chooseRegion(session, 'Europe');
      equal(await session.exec(() => document.querySelector('.world-map svg').dataset.zoom), 'europe');
      await eventually(async () => ok(await width('DE') >= germany * 3, `Germany ${await width('DE')} px against ${germany} px`));
      await chooseRegion(session, 'All');
      await eventually(async () => ok(Math.abs(await width('DE') - germany) < 1, 'back to the whole world'));
    },
  },
];
