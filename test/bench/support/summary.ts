import { availableParallelism, loadavg } from 'node:os';

/**
 * What every bench prints: one table of measured values next to their targets, all measured in
 * the same run (ratios are only meaningful between figures taken on the same machine, same load).
 */

/** The middle value (the mean of the two middle ones for an even count). */
const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The nearest-rank percentile (`p` in 0-100). */
const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
};

interface SummaryRow {
  /** What was measured, e.g. `GET /dossiers/{id} p50`. */
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  /** The target, when there is one. */
  readonly target?: number;
  /** `max`: the value must stay at or under the target; `min`: at or over it. @default 'max' */
  readonly direction?: 'max' | 'min';
  /** Anything a reader needs to interpret the figure. */
  readonly note?: string;
}

const round = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100);

/** Prints the table (value, target, value/target, met) under a title, and returns its rows. */
const printSummary = (title: string, rows: readonly SummaryRow[]) => {
  const table = rows.map(({ measure, value, unit, target, direction = 'max', note }) => ({
    measure,
    value: round(value),
    unit,
    target: target ?? '',
    ratio: target ? round(value / target) : '',
    met: target === undefined ? '' : direction === 'max' ? value <= target : value >= target,
    note: note ?? '',
  }));
  const machine = `${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)}, Node ${process.version}`;
  console.log(`\n${title} (${new Date().toISOString()}, ${machine})`);
  console.table(table);
  return table;
};

export type { SummaryRow };
export { median, percentile, printSummary };
