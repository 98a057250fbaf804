/**
 * The demo seed (issue 7): two years of activity in several regions, written through the same data
 * functions as the API. Its monitoring counters must equal a recount from the dossiers' audit
 * trails, and the national dashboard's last 24 months, read through the API, must show openings and
 * certificates month after month in several regions, overseas included; each regional jury has sat
 * many times and has one session ahead.
 */
import { listLogins, listSessions, rebuildCounters } from '@socle/data';
import type { RebuildReport } from '@socle/data';
import { counterMonthOf } from '@socle/domain';
import type { VolumesResponse } from '@socle/domain';
import { seedDemo } from '@socle/tooling/local/seed';
import type { SeedSummary } from '@socle/tooling/local/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { expectStatus } from '../support/world.ts';

const OVERSEAS = ['01', '02', '03', '04', '06'];

let api: TestApi;
let summary: SeedSummary;
let report: RebuildReport;
let nationalToken = '';
const now = new Date();

/** The 24 months ending with this one (French time), as `from`/`to` of a volumes query. */
const lastTwentyFourMonths = () => {
  const to = counterMonthOf(now.toISOString());
  const [year, month] = to.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 - 23;
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
};

const volumes = async (query: string): Promise<VolumesResponse> => {
  const { from, to } = lastTwentyFourMonths();
  return expectStatus(
    await api.call('GET', `/stats/volumes?from=${from}&to=${to}&${query}`, { token: nationalToken }),
    200,
    `volumes ${query}`,
  );
};

beforeAll(async () => {
  api = await startTestApi();
  summary = await seedDemo({ now });
  report = await rebuildCounters();
  const national = (await listLogins()).find((l) => l.email === 'national@certifpro.demo');
  if (!national) throw new Error('the seed created no national admin');
  nationalToken = await api.issuer.issueAccessToken(national);
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe('Demo seed', () => {
  it('writes counters that a recount from the dossiers’ trails finds exact', () => {
    expect(report.dossiers).toBe(summary.dossiers);
    expect(report.countedEvents).toBeGreaterThan(summary.dossiers * 3);
    expect(report.orphanEvents).toBe(0);
    expect(report.drift).toEqual([]);
  });

  it('shows openings and certificates month after month over the last 24 months', async () => {
    const monthly = await volumes('groupBy=month');
    const withOpenings = monthly.rows.filter((r) => r.counts.opened > 0);
    const withCertificates = monthly.rows.filter((r) => r.counts.certified > 0);

    expect(monthly.rows).toHaveLength(24);
    expect(withOpenings.length).toBeGreaterThanOrEqual(22);
    expect(withCertificates.length).toBeGreaterThanOrEqual(8);
    for (const counter of [
      'preliminaryDone',
      'eligibleAfterPreliminary',
      'trainingStarted',
      'finalDone',
      'presented',
      'adjourned',
      'portfolioIssued',
    ] as const) {
      expect(monthly.total.counts[counter], counter).toBeGreaterThan(0);
    }
    expect(monthly.total.counts.certified).toBeLessThanOrEqual(summary.certificates);
    expect(monthly.total.delays.openedToCertificate.count).toBe(monthly.total.counts.certified);
  });

  it('spreads the activity over several regions, one overseas, each with its jury', async () => {
    const byRegion = await volumes('groupBy=region');
    const active = byRegion.rows.filter((r) => r.counts.opened > 0).map((r) => r.key);
    const certifying = byRegion.rows.filter((r) => r.counts.certified > 0).map((r) => r.key);
    const sessions = await Promise.all(
      active.map(async (region) => ({
        region,
        list: await listSessions({ userId: 'test', roles: ['jury_secretary'], organisms: [], region }),
      })),
    );
    const today = now.toISOString().slice(0, 10);

    expect(active.length).toBeGreaterThanOrEqual(5);
    expect(active.some((r) => OVERSEAS.includes(r))).toBe(true);
    expect(certifying.length).toBeGreaterThanOrEqual(5);
    for (const { region, list } of sessions) {
      const closed = list.filter((s) => s.status === 'closed');
      const ahead = list.filter((s) => s.status === 'planned' && s.date > today);
      expect(ahead, `upcoming sessions in ${region}`).toHaveLength(1);
      expect(closed.length, `closed sessions in ${region}`).toBeGreaterThanOrEqual(2);
    }
    const closedDates = sessions.flatMap(({ list }) =>
      list.filter((s) => s.status === 'closed').map((s) => s.date.slice(0, 7)),
    );
    expect(new Set(closedDates).size).toBeGreaterThanOrEqual(12);
  });
});
