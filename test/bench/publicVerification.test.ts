/**
 * Public verification under load: `GET /public/certificates/{code}` through the local server on
 * 127.0.0.1, hammered for a fixed time by autocannon in its own process, first with the rate limit
 * raised out of the way (throughput and latency of the route), then with it active (the quota holds:
 * 429s once it is spent, never a 5xx). Each phase comes from a fresh viewer, as CloudFront would
 * present it (`CloudFront-Viewer-Address` with the origin secret), so each starts with a fresh quota.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { buildWorld } from '../support/world.ts';
import { printSummary } from './support/summary.ts';
import type { SummaryRow } from './support/summary.ts';

const run = promisify(execFile);
const DURATION_SECONDS = 10;
const CONNECTIONS = 10;
/** The quota of the "active" phase, per viewer and minute. */
const ACTIVE_LIMIT = 120;
const ORIGIN_SECRET = 'bench-origin-secret';
const autocannonBin = join(
  dirname(createRequire(import.meta.url).resolve('autocannon/package.json')),
  'autocannon.js',
);

/** What the bench reads from autocannon's JSON report. */
interface LoadReport {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

let api: TestApi;
let code: string;

/** One autocannon run in its own process, as one viewer (a fixed address behind CloudFront). */
const load = async (viewer: string, seconds = DURATION_SECONDS): Promise<LoadReport> => {
  const { stdout } = await run(
    process.execPath,
    [
      autocannonBin,
      '--json',
      '--no-progress',
      ...['-c', String(CONNECTIONS), '-d', String(seconds)],
      ...['-H', `x-socle-origin-secret=${ORIGIN_SECRET}`, '-H', `cloudfront-viewer-address=${viewer}:443`],
      `${api.url}/public/certificates/${code}`,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as LoadReport;
};

/** Waits, if need be, for a minute with `seconds` left: the quota window is the clock's minute. */
const roomInMinute = async (seconds: number) => {
  const left = 60 - ((Date.now() / 1000) % 60);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
};

const countOf = (report: LoadReport, range: (status: number) => boolean) =>
  Object.entries(report.statusCodeStats)
    .filter(([status]) => range(Number(status)))
    .reduce((sum, [, { count }]) => sum + count, 0);

beforeAll(async () => {
  process.env.ORIGIN_SECRET = ORIGIN_SECRET;
  api = await startTestApi();
  const world = await buildWorld(api);
  const jury = await buildJury(api, world.nationalToken, '11');
  ({ code } = await certifyThroughJury(api, world.a, jury));
  // A short warm-up (not measured): the first requests pay for lazy imports and connections.
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = String(1_000_000_000);
  await load('203.0.113.1', 2);
});
afterAll(async () => {
  delete process.env.ORIGIN_SECRET;
  await api.stop();
});

describe('Bench: public verification under load', () => {
  it('serves the check at full speed with the limit raised, and holds the quota without a 5xx', async () => {
    // Act
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = String(1_000_000_000);
    const raised = await load('203.0.113.2');
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = String(ACTIVE_LIMIT);
    await roomInMinute(DURATION_SECONDS + 3);
    const active = await load('203.0.113.3');
    // Assess
    const rows: SummaryRow[] = [];
    for (const [phase, report] of [
      ['limit raised', raised],
      [`limit ${ACTIVE_LIMIT}/min`, active],
    ] as const) {
      const ok = countOf(report, (s) => s >= 200 && s < 300);
      const limited = countOf(report, (s) => s === 429);
      const failed = countOf(report, (s) => s >= 500);
      const answered = countOf(report, () => true);
      rows.push(
        { measure: `${phase}: requests/s`, value: report.requests.average, unit: 'req/s' },
        { measure: `${phase}: latency p50`, value: report.latency.p50, unit: 'ms' },
        { measure: `${phase}: latency p99`, value: report.latency.p99, unit: 'ms' },
        {
          measure: `${phase}: responses`,
          value: answered,
          unit: 'count',
          note: `2xx ${ok}, 429 ${limited}, 5xx ${failed}, errors ${report.errors}, timeouts ${report.timeouts}`,
        },
      );
    }
    printSummary(
      `GET /public/certificates/{code}: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per phase, 127.0.0.1`,
      rows,
    );
    expect(countOf(raised, (s) => s >= 200 && s < 300)).toBe(countOf(raised, () => true));
    expect(countOf(active, (s) => s >= 200 && s < 300)).toBe(ACTIVE_LIMIT);
    expect(countOf(active, (s) => s === 429)).toBe(countOf(active, () => true) - ACTIVE_LIMIT);
    expect([raised, active].map((r) => [countOf(r, (s) => s >= 500), r.errors, r.timeouts])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});
