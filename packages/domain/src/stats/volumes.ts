/**
 * The volumes API (`GET /stats/volumes`): its query, its answer, and the pure aggregation of stored
 * counter cells into rows. Shared by the handler, the web dashboards and the CSV export.
 */
import * as z from 'zod';
import { certifications } from '../constants.ts';
import { Id, RegionCode } from '../schemas/common.ts';
import {
  type CounterCell,
  type CounterName,
  DELAY_BUCKET_COUNT,
  DELAY_BUCKET_UPPER_DAYS,
  type DelayName,
  counterNames,
  delayBucketField,
  delayNames,
  delaySumField,
} from './counters.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'mois invalide (AAAA-MM attendu)' });

/** Longest period one request may ask for: five years of months. */
const MAX_MONTHS = 60;

/** Months from `from` to `to`, both included. */
const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
};

const groupings = ['month', 'quarter', 'year', 'region', 'network', 'organism', 'certification'] as const;
type Grouping = (typeof groupings)[number];

const VolumesQuery = z
  .object({
    from: Month,
    to: Month,
    groupBy: z.enum(groupings, { error: `regroupement inconnu (${groupings.join(', ')})` }).default('month'),
    certification: z.enum(certifications).optional(),
    region: RegionCode.optional(),
    /** National admin only: one network. */
    tenantId: Id.optional(),
    /** Network scope only: one organism. */
    organismId: Id.optional(),
  })
  .refine((q) => q.from <= q.to, { error: 'la période doit commencer avant de finir', path: ['to'] })
  .refine((q) => monthsBetween(q.from, q.to).length <= MAX_MONTHS, {
    error: `${MAX_MONTHS} mois au plus par requête`,
    path: ['from'],
  });
type VolumesQuery = z.infer<typeof VolumesQuery>;

const DelaySummary = z.object({
  count: z.number().int(),
  /** Estimated from the histogram (linear inside the bucket); null without certificates. */
  medianDays: z.number().nullable(),
  meanDays: z.number().nullable(),
  histogram: z.array(z.number().int()),
});
type DelaySummary = z.infer<typeof DelaySummary>;

const Counts = z.object(
  Object.fromEntries(counterNames.map((n) => [n, z.number().int()])) as Record<CounterName, z.ZodNumber>,
);
type Counts = Record<CounterName, number>;

const VolumesRow = z.object({
  /** The group's key: a month, `2026-T1`, a year, a region code, a tenant, organism or certification id. */
  key: z.string(),
  label: z.string(),
  counts: Counts,
  delays: z.object(
    Object.fromEntries(delayNames.map((n) => [n, DelaySummary])) as Record<DelayName, typeof DelaySummary>,
  ),
});
type VolumesRow = z.infer<typeof VolumesRow>;

const VolumesResponse = z.object({
  from: Month,
  to: Month,
  groupBy: z.enum(groupings),
  rows: z.array(VolumesRow),
  total: VolumesRow,
});
type VolumesResponse = z.infer<typeof VolumesResponse>;

/** A stored counter cell with its attributes (counter names, delay buckets and sums). */
type CounterValues = CounterCell & Record<string, unknown>;

const numberOf = (value: unknown) => (typeof value === 'number' ? value : 0);

/** Median estimated from bucket counts, interpolating linearly inside the bucket that holds it. */
const medianOfHistogram = (histogram: readonly number[]): number | null => {
  const count = histogram.reduce((a, b) => a + b, 0);
  if (count === 0) return null;
  const half = count / 2;
  let seen = 0;
  for (const [bucket, inBucket] of histogram.entries()) {
    if (inBucket > 0 && seen + inBucket >= half) {
      const lower = bucket === 0 ? 0 : (DELAY_BUCKET_UPPER_DAYS[bucket - 1] ?? 0);
      // The open last bucket has no upper bound: report its lower bound rather than invent one.
      const upper = DELAY_BUCKET_UPPER_DAYS[bucket] ?? lower;
      return Math.round(lower + ((half - seen) / inBucket) * (upper - lower));
    }
    seen += inBucket;
  }
  return null;
};

const quarterOf = (month: string) => `${month.slice(0, 4)}-T${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

const groupKeyOf = (cell: CounterCell, groupBy: Grouping): string => {
  switch (groupBy) {
    case 'month':
      return cell.month;
    case 'quarter':
      return quarterOf(cell.month);
    case 'year':
      return cell.month.slice(0, 4);
    case 'region':
      return cell.region;
    case 'network':
      return cell.tenantId;
    case 'organism':
      return cell.organismId;
    case 'certification':
      return cell.certification;
  }
};

interface RowAccumulator {
  counts: Counts;
  histograms: Record<DelayName, number[]>;
  sums: Record<DelayName, number>;
}

const emptyAccumulator = (): RowAccumulator => ({
  counts: Object.fromEntries(counterNames.map((n) => [n, 0])) as Counts,
  histograms: Object.fromEntries(delayNames.map((n) => [n, new Array(DELAY_BUCKET_COUNT).fill(0)])) as Record<
    DelayName,
    number[]
  >,
  sums: Object.fromEntries(delayNames.map((n) => [n, 0])) as Record<DelayName, number>,
});

const addCell = (acc: RowAccumulator, cell: CounterValues) => {
  for (const name of counterNames) acc.counts[name] += numberOf(cell[name]);
  for (const delay of delayNames) {
    const histogram = acc.histograms[delay];
    for (let bucket = 0; bucket < DELAY_BUCKET_COUNT; bucket++) {
      histogram[bucket] = (histogram[bucket] ?? 0) + numberOf(cell[delayBucketField(delay, bucket)]);
    }
    acc.sums[delay] += numberOf(cell[delaySumField(delay)]);
  }
};

const rowOf = (key: string, label: string, acc: RowAccumulator): VolumesRow => ({
  key,
  label,
  counts: acc.counts,
  delays: Object.fromEntries(
    delayNames.map((delay) => {
      const histogram = acc.histograms[delay];
      const count = histogram.reduce((a, b) => a + b, 0);
      return [
        delay,
        {
          count,
          medianDays: medianOfHistogram(histogram),
          meanDays: count ? Math.round(acc.sums[delay] / count) : null,
          histogram,
        },
      ];
    }),
  ) as Record<DelayName, DelaySummary>,
});

/**
 * Sums stored cells into one row per group (and a total). Time groupings list every period of the
 * range, even empty ones, so charts have no gaps; other groupings list the groups that have data.
 */
const aggregateVolumes = (
  cells: readonly CounterValues[],
  query: Pick<VolumesQuery, 'from' | 'to' | 'groupBy'>,
  labelOf: (key: string) => string = (key) => key,
): Pick<VolumesResponse, 'rows' | 'total'> => {
  const groups = new Map<string, RowAccumulator>();
  if (query.groupBy === 'month' || query.groupBy === 'quarter' || query.groupBy === 'year') {
    for (const month of monthsBetween(query.from, query.to)) {
      const key = groupKeyOf({ month } as CounterCell, query.groupBy);
      if (!groups.has(key)) groups.set(key, emptyAccumulator());
    }
  }
  const total = emptyAccumulator();
  for (const cell of cells) {
    const key = groupKeyOf(cell, query.groupBy);
    const acc = groups.get(key) ?? emptyAccumulator();
    addCell(acc, cell);
    addCell(total, cell);
    groups.set(key, acc);
  }
  const rows = [...groups.entries()].map(([key, acc]) => rowOf(key, labelOf(key), acc));
  rows.sort((a, b) => a.key.localeCompare(b.key));
  return { rows, total: rowOf('total', 'Total', total) };
};

export type { CounterValues, Counts, Grouping };
export {
  DelaySummary,
  MAX_MONTHS,
  Month,
  VolumesRow,
  VolumesQuery,
  VolumesResponse,
  aggregateVolumes,
  groupings,
  medianOfHistogram,
  monthsBetween,
  quarterOf,
};
