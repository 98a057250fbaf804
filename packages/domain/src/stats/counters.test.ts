import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DELAY_BUCKET_COUNT,
  DELAY_BUCKET_UPPER_DAYS,
  type CountedDossier,
  type CounterIncrement,
  accumulate,
  counterMonthOf,
  countersOfEvent,
  delayBucketOf,
} from './counters.ts';
import { aggregateVolumes, medianOfHistogram, monthsBetween } from './volumes.ts';

const dossier: CountedDossier = {
  tenantId: 'T1',
  organismId: 'O1',
  region: '11',
  certification: 'clea',
  openedAt: '2026-01-10T09:00:00.000Z',
  preliminaryEvaluatedOn: '2026-02-01',
};

describe('countersOfEvent', () => {
  it('counts an opening in the month it happened, at the dossier’s place', () => {
    expect(countersOfEvent({ action: 'dossier.opened', at: '2026-01-10T09:00:00.000Z' }, dossier)).toEqual({
      cell: { month: '2026-01', region: '11', tenantId: 'T1', organismId: 'O1', certification: 'clea' },
      increments: { opened: 1 },
    });
  });

  it('counts a preliminary evaluation, and eligibility straight after it only when it leads to eligible', () => {
    const at = '2026-02-01T10:00:00.000Z';
    expect(
      countersOfEvent({ action: 'dossier.complete_preliminary', at, toStatus: 'eligible' }, dossier)
        ?.increments,
    ).toEqual({ preliminaryDone: 1, eligibleAfterPreliminary: 1 });
    expect(
      countersOfEvent({ action: 'dossier.complete_preliminary', at, toStatus: 'in_training' }, dossier)
        ?.increments,
    ).toEqual({ preliminaryDone: 1 });
  });

  it('adds both delays to their histogram buckets and sums at certification', () => {
    const increments = countersOfEvent(
      { action: 'dossier.certify', at: '2026-06-10T15:00:00.000Z' },
      dossier,
    )?.increments;
    // 10 Jan → 10 Jun = 151 days (bucket ≤ 180); 1 Feb → 10 Jun = 129 days (bucket ≤ 150).
    expect(increments).toEqual({
      certified: 1,
      [`openedToCertificate_${delayBucketOf(151)}`]: 1,
      openedToCertificate_sum: 151,
      [`preliminaryToCertificate_${delayBucketOf(129)}`]: 1,
      preliminaryToCertificate_sum: 129,
    });
    expect(DELAY_BUCKET_UPPER_DAYS[delayBucketOf(151)]).toBe(180);
    expect(DELAY_BUCKET_UPPER_DAYS[delayBucketOf(129)]).toBe(150);
  });

  it('counts nothing for events that are not monitored', () => {
    for (const action of ['dossier.updated', 'dossier.withdraw', 'dossier.read_by_jury', 'dossier.expire']) {
      expect(countersOfEvent({ action, at: '2026-01-01T00:00:00.000Z' }, dossier)).toBeUndefined();
    }
  });

  it('uses the French month: 31 December 23:30 UTC is already January in Paris', () => {
    expect(counterMonthOf('2025-12-31T23:30:00.000Z')).toBe('2026-01');
    expect(counterMonthOf('2026-07-31T21:30:00.000Z')).toBe('2026-07');
    expect(counterMonthOf('2026-07-31T22:30:00.000Z')).toBe('2026-08');
  });

  it('puts every delay in exactly one bucket, the longest in the open last one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (days) => {
        const bucket = delayBucketOf(days);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(DELAY_BUCKET_COUNT);
        const upper = DELAY_BUCKET_UPPER_DAYS[bucket];
        const lower = bucket === 0 ? -1 : (DELAY_BUCKET_UPPER_DAYS[bucket - 1] as number);
        expect(days > lower && (upper === undefined || days <= upper)).toBe(true);
      }),
    );
  });
});

describe('aggregateVolumes', () => {
  const cell = (month: string, region: string, opened: number, certified = 0) => ({
    month,
    region,
    tenantId: 'T1',
    organismId: 'O1',
    certification: 'clea' as const,
    opened,
    certified,
  });

  it('lists every month of the range, empty ones at zero, and a total', () => {
    const { rows, total } = aggregateVolumes([cell('2026-01', '11', 3), cell('2026-03', '84', 2, 1)], {
      from: '2025-12',
      to: '2026-03',
      groupBy: 'month',
    });
    expect(rows.map((r) => [r.key, r.counts.opened])).toEqual([
      ['2025-12', 0],
      ['2026-01', 3],
      ['2026-02', 0],
      ['2026-03', 2],
    ]);
    expect(total.counts.opened).toBe(5);
    expect(total.counts.certified).toBe(1);
  });

  it('groups by region with the labels given, by quarter and by year', () => {
    const cells = [cell('2026-01', '11', 3), cell('2026-02', '11', 1), cell('2026-04', '84', 2)];
    const byRegion = aggregateVolumes(
      cells,
      { from: '2026-01', to: '2026-06', groupBy: 'region' },
      (k) => `R${k}`,
    );
    expect(byRegion.rows.map((r) => [r.label, r.counts.opened])).toEqual([
      ['R11', 4],
      ['R84', 2],
    ]);
    const byQuarter = aggregateVolumes(cells, { from: '2026-01', to: '2026-06', groupBy: 'quarter' });
    expect(byQuarter.rows.map((r) => [r.key, r.counts.opened])).toEqual([
      ['2026-T1', 4],
      ['2026-T2', 2],
    ]);
  });

  it('sums of groups equal the total, whatever the cells (property)', () => {
    const arbCell = fc.record({
      month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
      region: fc.constantFrom('11', '84', '971'),
      tenantId: fc.constantFrom('T1', 'T2'),
      organismId: fc.constantFrom('O1', 'O2'),
      certification: fc.constantFrom('clea' as const, 'clea-numerique' as const),
      opened: fc.nat(50),
      certified: fc.nat(50),
    });
    fc.assert(
      fc.property(
        fc.array(arbCell, { maxLength: 40 }),
        fc.constantFrom('month', 'region', 'network', 'organism', 'certification', 'year' as const),
        (cells, groupBy) => {
          const { rows, total } = aggregateVolumes(cells, {
            from: '2026-01',
            to: '2026-03',
            groupBy: groupBy as 'month',
          });
          expect(rows.reduce((s, r) => s + r.counts.opened, 0)).toBe(total.counts.opened);
          expect(rows.reduce((s, r) => s + r.counts.certified, 0)).toBe(total.counts.certified);
          expect(total.counts.opened).toBe(cells.reduce((s, c) => s + c.opened, 0));
        },
      ),
    );
  });
});

describe('medianOfHistogram', () => {
  it('is null without data, interpolates inside the median bucket', () => {
    expect(medianOfHistogram(new Array(DELAY_BUCKET_COUNT).fill(0))).toBeNull();
    const histogram = new Array(DELAY_BUCKET_COUNT).fill(0);
    histogram[0] = 2; // ≤ 15 days
    histogram[1] = 2; // 16–30 days
    // Four values: the median (2nd of 4) sits at the end of the first bucket.
    expect(medianOfHistogram(histogram)).toBe(15);
  });

  it('stays within one bucket width of the exact median (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1800 }), { minLength: 1, maxLength: 200 }), (delays) => {
        const histogram = new Array(DELAY_BUCKET_COUNT).fill(0);
        for (const d of delays) histogram[delayBucketOf(d)] += 1;
        const sorted = [...delays].sort((a, b) => a - b);
        const exact = sorted[Math.floor((sorted.length - 1) / 2)] as number;
        const bucket = delayBucketOf(exact);
        const lower = bucket === 0 ? 0 : (DELAY_BUCKET_UPPER_DAYS[bucket - 1] as number);
        const upper = DELAY_BUCKET_UPPER_DAYS[bucket] ?? 1826;
        const estimate = medianOfHistogram(histogram) as number;
        // The estimate lies in the exact median's bucket or an adjacent boundary.
        expect(estimate).toBeGreaterThanOrEqual(lower - (upper - lower));
        expect(estimate).toBeLessThanOrEqual(upper + (upper - lower));
      }),
    );
  });
});

describe('accumulate and monthsBetween', () => {
  it('sums increments per cell', () => {
    const inc = (n: number): CounterIncrement => ({
      cell: { month: '2026-01', region: '11', tenantId: 'T', organismId: 'O', certification: 'clea' },
      increments: { opened: n },
    });
    const totals = accumulate(accumulate(new Map(), inc(2)), inc(3));
    expect([...totals.values()][0]?.increments.opened).toBe(5);
  });

  it('spans years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
  });
});
