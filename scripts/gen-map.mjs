// Generates public/map.svg, the member-directory world map, from Natural Earth 1:50m country
// shapes (public domain) as packaged by world-atlas. Re-runnable and deterministic:
//
//   node scripts/gen-map.mjs
//
// Steps: drop Antarctica; simplify the topology (shared borders stay shared); dissolve the
// shapes that belong to one ISO 3166-1 code; project with Equal Earth fitted to width 1000;
// serialise each country as one <path data-code="XX"> with rounded relative coordinates; add a
// <circle data-code="XX"> dot for countries too small to see or point at. The file carries no
// colours, styles or scripts: the app colours it with CSS through attributes it sets at run time.
//
// Shapes Natural Earth gives without a numeric ISO id (`id` is missing):
//   Kosovo               -> XK (user-assigned code, used by the EU and by the alliance's list)
//   N. Cyprus            -> merged into CY  (ISO 3166-1 has no code for it; de jure view)
//   Somaliland           -> merged into SO  (likewise)
//   Indian Ocean Ter.    -> split into CX (Christmas Island) and CC (Cocos (Keeling) Islands)
//   Siachen Glacier      -> plain land path without data-code (disputed; no ISO code)
// Ashmore and Cartier Is. shares Australia's id 036 and is dissolved into AU.
// Countries whose shape collapses to nothing at this scale (e.g. Vatican, Monaco) get only a dot.
//
// Exits 1 if a member code in public/members.json has neither a path nor a dot, or if the SVG
// is over the brotli budget.

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { feature, merge } = require('topojson-client');
const { presimplify, simplify, sphericalTriangleArea } = require('topojson-simplify');
const iso = require('i18n-iso-countries');
// d3-geo 3 is ES-module only; import it by its resolved file.
const { geoArea, geoEqualEarth, geoPath } = await import(pathToFileURL(require.resolve('d3-geo')).href);

const ATLAS_VERSION = require('world-atlas/package.json').version;
const topology = require('world-atlas/countries-50m.json');

const OUT = fileURLToPath(new URL('../public/map.svg', import.meta.url));
const MEMBERS = fileURLToPath(new URL('../public/members.json', import.meta.url));

const WIDTH = 1000;
const PAD = 4; // keeps edge strokes and dots inside the viewBox
/** Smallest triangle kept by Visvalingam simplification, in square map units. */
const MIN_TRIANGLE = 0.2;
/** Islands (outer rings) smaller than this, in square map units, are dropped, except a
 *  country's largest ring, which is always kept. */
const MIN_RING = 0.3;
/** Coordinates are rounded to 1/PRECISION map units. */
const PRECISION = 10;
/** A country whose largest single polygon projects smaller than this (square map units, at
 *  width 1000) also gets a dot: it is about 3 x 3 units, a few pixels on a typical screen, which
 *  is too small to see or tap. Largest polygon rather than total area, so archipelagos such as
 *  Fiji, the Bahamas or Cabo Verde get a dot too. */
const DOT_AREA = 10;
const DOT_RADIUS = 3.5;
const BROTLI_BUDGET = 60_000;

// ---- Group the geometries by ISO code ----------------------------------------------------------

const ANTARCTICA = '010';
const BY_NAME = {
  Kosovo: 'XK',
  'N. Cyprus': 'CY',
  Somaliland: 'SO',
  'Siachen Glacier': null, // plain land
};

/** Returns a list of [code or null, geometry] for one Natural Earth geometry. */
function classify(g) {
  const name = g.properties?.name;
  if (g.id != null) {
    const code = iso.numericToAlpha2(g.id);
    if (!code) throw new Error(`no alpha-2 code for id ${g.id} (${name})`);
    return [[code, g]];
  }
  if (name === 'Indian Ocean Ter.') {
    // Christmas Island lies east of 100°E, the Cocos (Keeling) Islands west of it. Split the
    // MultiPolygon's arcs by the longitude of each polygon's first point.
    const cx = [], cc = [];
    for (const polygon of g.arcs) (polygonLongitude(polygon) > 100 ? cx : cc).push(polygon);
    const part = (arcs) => ({ type: 'MultiPolygon', arcs, properties: g.properties });
    return [['CX', part(cx)], ['CC', part(cc)]].filter(([, p]) => p.arcs.length);
  }
  if (name in BY_NAME) return [[BY_NAME[name], g]];
  throw new Error(`feature without id not handled: ${name}`);
}

function polygonLongitude(polygon) {
  const arcIndex = polygon[0][0];
  const arc = topology.arcs[arcIndex < 0 ? ~arcIndex : arcIndex];
  return arc[0][0] * topology.transform.scale[0] + topology.transform.translate[0];
}

/** code (or `~name` for uncoded land) -> list of topology geometries */
const groups = new Map();
for (const g of topology.objects.countries.geometries) {
  if (g.id === ANTARCTICA) continue;
  for (const [code, part] of classify(g)) {
    const key = code ?? `~${g.properties.name}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(part);
  }
}

// ---- Projection ----------------------------------------------------------------------------------

const world = feature(topology, {
  type: 'GeometryCollection',
  geometries: topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA),
});
const projection = geoEqualEarth().fitWidth(WIDTH - 2 * PAD, world);
{
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty + PAD]);
}
const path = geoPath(projection);
const HEIGHT = Math.ceil(path.bounds(world)[1][1] + PAD);

// ---- Simplification -------------------------------------------------------------------------------

// In an equal-area projection, one steradian covers scale² square map units.
const unitToSr = 1 / projection.scale() ** 2;
const weighted = presimplify(topology, sphericalTriangleArea);
// Visvalingam keeps only an arc's endpoints once every triangle is small, which would collapse
// small islands and countries to a line. Keep each arc's most significant interior point (two
// for a closed arc), so that every ring keeps at least three points.
for (const arc of weighted.arcs) {
  const closed = arc[0][0] === arc.at(-1)[0] && arc[0][1] === arc.at(-1)[1];
  const interior = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
  for (const point of interior.slice(0, closed ? 2 : 1)) point[2] = Infinity;
}
const simple = simplify(weighted, MIN_TRIANGLE * unitToSr);

/**
 * One dissolved MultiPolygon per group, in lon/lat. Simplifying a small concave ring down to a
 * few points can reverse its winding, which d3 would read as "the whole globe but this island";
 * so each ring is checked on the sphere and turned back if needed (d3 winds outer rings
 * clockwise, i.e. enclosing less than a hemisphere, and holes the other way).
 */
function dissolve(topo, parts) {
  const merged = merge(topo, parts);
  for (const polygon of merged.coordinates) {
    polygon.forEach((ring, i) => {
      const small = geoArea({ type: 'Polygon', coordinates: [ring] }) < 2 * Math.PI;
      if (small !== (i === 0)) ring.reverse();
    });
  }
  return merged;
}

// ---- Path serialisation --------------------------------------------------------------------------

/** Collects projected rings (after antimeridian clipping) as arrays of [x, y]. */
function projectedRings(geometry) {
  const rings = [];
  let ring = null;
  path.context({
    beginPath() {},
    moveTo(x, y) { ring = [[x, y]]; rings.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() { ring = null; },
    arc() { throw new Error('unexpected arc (point geometry?)'); },
  })(geometry);
  path.context(null);
  return rings;
}

/** Shoelace area of a projected ring (sign gives the winding). */
function ringArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

/** Formats an integer number of 1/PRECISION units: -12 -> "-1.2", 5 -> ".5", 30 -> "3". */
function num(t) {
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  const int = Math.floor(a / PRECISION);
  const frac = a % PRECISION;
  if (frac === 0) return `${sign}${int}`;
  return `${sign}${int === 0 ? '' : int}.${frac}`;
}

/** Joins numbers with the fewest separators the SVG path grammar allows. */
function joinNumbers(nums) {
  let out = '';
  let prevHasDot = false;
  for (const s of nums) {
    if (out && !(s[0] === '-' || (s[0] === '.' && prevHasDot))) out += ' ';
    out += s;
    prevHasDot = s.includes('.');
  }
  return out;
}

/**
 * Serialises rounded rings as `m` subpaths with implicit relative linetos and `z`. The first `m`
 * is absolute by definition; each later `m` is relative to the previous subpath's start (where
 * `z` leaves the current point). Deltas come from rounded absolute points, so nothing drifts.
 */
function serialise(rings) {
  let d = '';
  let start = [0, 0];
  for (const ring of rings) {
    const nums = [num(ring[0][0] - start[0]), num(ring[0][1] - start[1])];
    for (let i = 1; i < ring.length; i++) {
      nums.push(num(ring[i][0] - ring[i - 1][0]), num(ring[i][1] - ring[i - 1][1]));
    }
    d += `m${joinNumbers(nums)}z`;
    start = ring[0];
  }
  return d;
}

/** Rounds a ring to the grid and drops repeated points; null if fewer than 3 points remain. */
function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('non-finite coordinate');
    const p = [Math.round(x * PRECISION), Math.round(y * PRECISION)];
    out.push(p);
  }
  // Rounding can leave repeated points and spikes (A B A); remove both, cyclically, until none.
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  for (let changed = true; changed && out.length >= 3;) {
    changed = false;
    for (let i = 0; i < out.length && out.length >= 3; i++) {
      const n = out.length;
      const prev = out[(i + n - 1) % n];
      const next = out[(i + 1) % n];
      if (same(out[i], next)) {
        out.splice(i, 1); // repeated point
        changed = true;
      } else if (same(prev, next)) {
        out.splice(i, 1); // spike tip; its base is now a repeated point, removed next pass
        changed = true;
      }
    }
  }
  return out.length >= 3 && ringArea(out) !== 0 ? out : null;
}

// ---- Build shapes and dots --------------------------------------------------------------------------

const shapes = []; // { code, d, area }
const dots = []; // { code, cx, cy }

for (const [key, parts] of groups) {
  const code = key.startsWith('~') ? null : key;

  // Detail: simplified, dissolved, projected, small islands dropped, rounded.
  const rings = projectedRings(dissolve(simple, parts));
  // d3 winds outer rings clockwise on screen (positive shoelace area with y down), holes not.
  const areas = rings.map(ringArea);
  const largest = areas.indexOf(Math.max(...areas));
  const kept = rings
    .filter((r, i) => i === largest || areas[i] < 0 || areas[i] >= MIN_RING)
    .map(roundRing)
    .filter(Boolean);

  // Size and dot position come from the full-detail shape.
  const full = dissolve(topology, parts);
  const area = path.area(full);
  if (kept.length) shapes.push({ code, d: serialise(kept), area });

  if (!code) continue;
  const polygons = full.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  const polygonAreas = polygons.map((p) => path.area(p));
  const biggest = polygons[polygonAreas.indexOf(Math.max(...polygonAreas))];
  if (Math.max(...polygonAreas) < DOT_AREA || !kept.length) {
    const [[x0], [x1]] = path.bounds(biggest);
    if (x1 - x0 > WIDTH / 4) throw new Error(`${code}: largest polygon crosses the antimeridian`);
    const [cx, cy] = path.centroid(biggest);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) throw new Error(`${code}: bad centroid`);
    dots.push({ code, cx: Math.round(cx * 10) / 10, cy: Math.round(cy * 10) / 10 });
  }
}

// Largest first, so enclaves (Lesotho, San Marino, ...) always draw over their surroundings.
const byKey = (a, b) => (a.code ?? '~').localeCompare(b.code ?? '~') || a.d.localeCompare(b.d);
shapes.sort((a, b) => b.area - a.area || byKey(a, b));
dots.sort((a, b) => a.code.localeCompare(b.code));

// ---- Write ------------------------------------------------------------------------------------------

const attr = (code) => (code ? ` data-code="${code}"` : '');
const lines = [
  `<!-- Made with Natural Earth (public domain), via world-atlas ${ATLAS_VERSION}. Generated by scripts/gen-map.mjs; do not edit. -->`,
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" class="world-map__svg" focusable="false">`,
  '<g class="world-map__land">',
  ...shapes.map((s) => `<path${attr(s.code)} d="${s.d}"/>`),
  '</g>',
  '<g class="world-map__dots">',
  ...dots.map((c) => `<circle${attr(c.code)} cx="${c.cx}" cy="${c.cy}" r="${DOT_RADIUS}"/>`),
  '</g>',
  '</svg>',
  '',
];
const svg = lines.join('\n');
if (/NaN|Infinity|undefined|d=""/.test(svg)) throw new Error('bad output');
writeFileSync(OUT, svg);

const raw = Buffer.byteLength(svg);
const br = zlib.brotliCompressSync(svg, {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw,
  },
}).length;

const shapeCodes = new Set(shapes.map((s) => s.code).filter(Boolean));
const dotCodes = new Set(dots.map((c) => c.code));
const members = JSON.parse(readFileSync(MEMBERS, 'utf8')).members.map((m) => m.code);
const missing = members.filter((c) => !shapeCodes.has(c) && !dotCodes.has(c));
const dotOnly = [...dotCodes].filter((c) => !shapeCodes.has(c));

console.log(`map.svg: viewBox 0 0 ${WIDTH} ${HEIGHT}`);
console.log(`shapes: ${shapes.length} (${shapeCodes.size} with a code), dots: ${dots.length}` +
  (dotOnly.length ? ` (dot only: ${dotOnly.join(' ')})` : ''));
console.log(`member dots: ${members.filter((c) => dotCodes.has(c)).join(' ')}`);
console.log(`size: ${raw} bytes raw, ${br} bytes brotli (q11); budget ${BROTLI_BUDGET}`);

let failed = false;
if (missing.length) {
  console.error(`members with neither a shape nor a dot: ${missing.join(' ')}`);
  failed = true;
}
if (br > BROTLI_BUDGET) {
  console.error(`brotli size ${br} is over the budget of ${BROTLI_BUDGET}`);
  failed = true;
}
if (failed) process.exit(1);
