/**
 * Public verification under a flood from many clients (issue 14): while many simulated viewers
 * (distinct addresses behind CloudFront, as `CloudFront-Viewer-Address` with the origin secret) guess
 * codes as fast as they can, and some call the API directly without the secret, real employers check
 * a real certificate (its code, and its credential) at a human pace. The flood runs in its own
 * process against the real local server (DynamoDB Local, the production quota of 30 per viewer and
 * minute); the employers run here. Printed: the employers' success rate (goal ≥ 99 %), their latency
 * under the flood against a quiet phase of the same run, and the share of the flood refused.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import { percentile, printSummary } from './support/summary.ts';

const run = promisify(execFile);
const ORIGIN_SECRET = 'bench-origin-secret';
/** The verification function's production quota, per viewer and minute. */
const QUOTA_PER_MINUTE = 30;
const QUIET_SECONDS = 15;
const FLOOD_SECONDS = 30;
/**
 * Each simulated flooding viewer sends this many guesses (1.5 times its quota) before the next
 * viewer takes over: as many viewers as the machine's throughput allows, each past its quota.
 */
const GUESSES_PER_VIEWER = 45;
/** Flood requests kept in flight together. */
const FLOOD_IN_FLIGHT = 24;
/** One flood request in this many calls the API directly, without the origin secret. */
const DIRECT_EVERY = 10;
/** Real employers, each checking every few seconds: under the quota, as a person would. */
const VERIFIERS = 10;
const VERIFIER_PERIOD_MS = 3_000;

/**
 * The flood, run by a separate Node process so that it does not share the server's event loop:
 * one viewer after the other, each sending its burst of guessed codes (malformed or unknown: both
 * cost quota), every tenth request without the secret. Prints the count per status as JSON.
 */
const floodScript = `
const [url, secret, perViewer, inFlight, seconds, directEvery] = process.argv.slice(1);
const counts = {};
let next = 0;
const end = Date.now() + Number(seconds) * 1000;
const guess = () => 'CLEA-' + Math.random().toString(36).slice(2, 6).toUpperCase() + '-0000-0000-1';
const worker = async () => {
  while (Date.now() < end) {
    const n = next++;
    const client = Math.floor(n / Number(perViewer));
    const headers = n % Number(directEvery) === 0
      ? {}
      : { 'x-socle-origin-secret': secret,
          'cloudfront-viewer-address': '198.18.' + (client >> 8) + '.' + (client & 255) + ':443' };
    let status = 'error';
    try {
      const response = await fetch(url + '/public/certificates/' + guess(), { headers });
      await response.arrayBuffer();
      status = String(response.status);
    } catch {}
    counts[status] = (counts[status] ?? 0) + 1;
  }
};
await Promise.all(Array.from({ length: Number(inFlight) }, worker));
process.stdout.write(JSON.stringify(counts));
`;

interface Check {
  ok: boolean;
  status: number;
  ms: number;
}

let api: TestApi;
let code: string;
let credential: string;

/** One employer, behind CloudFront with its own address, alternating the code and the credential. */
const verifier = async (index: number, seconds: number): Promise<Check[]> => {
  const headers = {
    'x-socle-origin-secret': ORIGIN_SECRET,
    'cloudfront-viewer-address': `203.0.113.${index + 1}:443`,
  };
  const checks: Check[] = [];
  const end = Date.now() + seconds * 1000;
  // Spread the employers over the period, as independent people would be.
  await new Promise((resolve) => setTimeout(resolve, (index * VERIFIER_PERIOD_MS) / VERIFIERS));
  for (let n = 0; Date.now() < end; n++) {
    const started = performance.now();
    const response =
      n % 2 === 0
        ? await api.call('GET', `/public/certificates/${code}`, { headers })
        : await api.call('POST', '/public/credentials/verify', { headers, body: { credential } });
    const ms = performance.now() - started;
    const ok =
      response.status === 200 && (n % 2 === 0 ? response.body.code === code : response.body.valid === true);
    checks.push({ ok, status: response.status, ms });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, VERIFIER_PERIOD_MS - ms)));
  }
  return checks;
};

const verifiers = async (seconds: number) =>
  (await Promise.all(Array.from({ length: VERIFIERS }, (_, i) => verifier(i, seconds)))).flat();

const flood = async (): Promise<Record<string, number>> => {
  const { stdout } = await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      floodScript,
      api.url,
      ORIGIN_SECRET,
      String(GUESSES_PER_VIEWER),
      String(FLOOD_IN_FLIGHT),
      String(FLOOD_SECONDS),
      String(DIRECT_EVERY),
    ],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as Record<string, number>;
};

beforeAll(async () => {
  process.env.ORIGIN_SECRET = ORIGIN_SECRET;
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = String(QUOTA_PER_MINUTE);
  api = await startTestApi();
  const world = await buildWorld(api);
  const jury = await buildJury(api, world.nationalToken, '11');
  ({ code } = await certifyThroughJury(api, world.a, jury));
  ({ credential } = expectStatus(
    await api.call('GET', `/certificates/${code}/credential`, { token: world.a.tokens.admin }),
    200,
    'export the credential',
  ));
});
afterAll(async () => {
  delete process.env.ORIGIN_SECRET;
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '1000';
  await api.stop();
});

describe('Bench: public verification under a flood from many clients', () => {
  it("keeps a real verifier's success rate at 99 % or more while the flood is refused", async () => {
    // Act: employers alone, then employers during the flood.
    const quiet = await verifiers(QUIET_SECONDS);
    const [flooded, floodCounts] = await Promise.all([verifiers(FLOOD_SECONDS), flood()]);
    // Assess
    const successRate = flooded.filter((c) => c.ok).length / flooded.length;
    const floodTotal = Object.values(floodCounts).reduce((sum, n) => sum + n, 0);
    const count = (status: string) => floodCounts[status] ?? 0;
    const refused = count('429') + count('403');
    const viewers = Math.ceil(floodTotal / GUESSES_PER_VIEWER);
    const p50 = (checks: Check[]) =>
      percentile(
        checks.map((c) => c.ms),
        50,
      );
    const p99 = (checks: Check[]) =>
      percentile(
        checks.map((c) => c.ms),
        99,
      );
    const failures = flooded.filter((c) => !c.ok).map((c) => c.status);
    printSummary(
      `Verification flood: ${viewers} viewers × ${GUESSES_PER_VIEWER} guesses, ${FLOOD_IN_FLIGHT} requests in flight, ${FLOOD_SECONDS} s; ${VERIFIERS} employers every ${VERIFIER_PERIOD_MS / 1000} s; quota ${QUOTA_PER_MINUTE}/min; 127.0.0.1`,
      [
        {
          measure: 'employers: checks answered right during the flood',
          value: successRate * 100,
          unit: '%',
          target: 99,
          direction: 'min',
          note: `${flooded.length} checks${failures.length ? `, failed with ${failures.join(' ')}` : ''}`,
        },
        {
          measure: 'employers: latency p50, flood / quiet',
          value: p50(flooded) / p50(quiet),
          unit: 'ratio',
          note: `${Math.round(p50(flooded))} ms / ${Math.round(p50(quiet))} ms`,
        },
        {
          measure: 'employers: latency p99 during the flood',
          value: p99(flooded),
          unit: 'ms',
          note: `quiet ${Math.round(p99(quiet))} ms, ${quiet.length} checks all right: ${quiet.every((c) => c.ok)}`,
        },
        {
          measure: 'flood: share refused (429 over quota, 403 direct)',
          value: (refused / floodTotal) * 100,
          unit: '%',
          note: `${floodTotal} requests (${Math.round(floodTotal / FLOOD_SECONDS)}/s): 429 ${count('429')}, 403 ${count('403')}, answered 400/404 ${count('400') + count('404')}, 5xx ${Object.keys(
            floodCounts,
          )
            .filter((s) => s.startsWith('5'))
            .reduce((sum, s) => sum + count(s), 0)}, errors ${count('error')}`,
        },
      ],
    );
    expect(quiet.every((c) => c.ok)).toBe(true);
    expect(successRate).toBeGreaterThanOrEqual(0.99);
    expect(count('429')).toBeGreaterThan(0);
    expect(count('403')).toBeGreaterThanOrEqual(Math.floor(floodTotal / DIRECT_EVERY) - FLOOD_IN_FLIGHT);
    // Each viewer is answered at most its quota; a burst cut by the minute's turn may get a second one.
    const answered = floodTotal - refused;
    expect(answered).toBeLessThanOrEqual(viewers * QUOTA_PER_MINUTE + 2 * GUESSES_PER_VIEWER);
    expect(Object.keys(floodCounts).filter((s) => s.startsWith('5') || s === 'error')).toEqual([]);
  });
});
