/**
 * What the monitoring counts (SPEC §6), as pure functions of a dossier's audited events. The data
 * layer applies `countersOfEvent` in the transaction that writes the event, and the rebuild replays
 * the audit trail through the same function, so the two can only disagree if a write was lost.
 */
import type { Certification } from '../constants.ts';

const CounterName = {
  OPENED: 'opened',
  PRELIMINARY_DONE: 'preliminaryDone',
  ELIGIBLE_AFTER_PRELIMINARY: 'eligibleAfterPreliminary',
  TRAINING_STARTED: 'trainingStarted',
  FINAL_DONE: 'finalDone',
  PRESENTED: 'presented',
  CERTIFIED: 'certified',
  ADJOURNED: 'adjourned',
  PORTFOLIO_ISSUED: 'portfolioIssued',
} as const;
type CounterName = (typeof CounterName)[keyof typeof CounterName];
const counterNames = Object.values(CounterName) as [CounterName, ...CounterName[]];

/** Delays measured at certification, kept as histograms so a median needs no dossier read. */
const DelayName = {
  OPENED_TO_CERTIFICATE: 'openedToCertificate',
  PRELIMINARY_TO_CERTIFICATE: 'preliminaryToCertificate',
} as const;
type DelayName = (typeof DelayName)[keyof typeof DelayName];
const delayNames = Object.values(DelayName) as [DelayName, ...DelayName[]];

/**
 * Upper bounds (days, inclusive) of the histogram buckets; a last bucket holds everything longer.
 * Finer where most paths end (the first year), coarse up to the five-year deadline.
 */
const DELAY_BUCKET_UPPER_DAYS = [
  15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 365, 450, 545, 730, 1095, 1826,
] as const;
const DELAY_BUCKET_COUNT = DELAY_BUCKET_UPPER_DAYS.length + 1;

/** The stored attribute of a delay histogram bucket, e.g. `openedToCertificate_3`. */
const delayBucketField = (delay: DelayName, bucket: number) => `${delay}_${bucket}`;
/** The stored sum of a delay (days), for means. */
const delaySumField = (delay: DelayName) => `${delay}_sum`;

const delayBucketOf = (days: number): number => {
  const index = DELAY_BUCKET_UPPER_DAYS.findIndex((upper) => days <= upper);
  return index === -1 ? DELAY_BUCKET_UPPER_DAYS.length : index;
};

/** Where an event is counted: the month it happened in (French time), and the dossier's place. */
interface CounterCell {
  month: string;
  region: string;
  tenantId: string;
  organismId: string;
  certification: Certification;
}

/** The dossier fields counting needs (non-personal: they survive a GDPR erasure). */
interface CountedDossier {
  tenantId: string;
  organismId: string;
  region: string;
  certification: Certification;
  openedAt: string;
  preliminaryEvaluatedOn?: string;
}

/** An audited event, as the audit trail stores it. */
interface CountableEvent {
  action: string;
  at: string;
  toStatus?: string;
}

interface CounterIncrement {
  cell: CounterCell;
  /** Stored attribute → amount: counter names, delay buckets and delay sums. */
  increments: Record<string, number>;
}

const monthFormat = new Intl.DateTimeFormat('fr-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
});

/** `YYYY-MM` of an instant in French metropolitan time (a 31 Dec 23:30 UTC event is January's). */
const counterMonthOf = (at: string): string => monthFormat.format(new Date(at)).slice(0, 7);

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS));

/** Audit action → counters it increments (the certification adds the delays). */
const countedActions: Record<string, (event: CountableEvent) => CounterName[]> = {
  'dossier.opened': () => [CounterName.OPENED],
  'dossier.complete_preliminary': (e) =>
    e.toStatus === 'eligible'
      ? [CounterName.PRELIMINARY_DONE, CounterName.ELIGIBLE_AFTER_PRELIMINARY]
      : [CounterName.PRELIMINARY_DONE],
  'training_plan.created': () => [CounterName.TRAINING_STARTED],
  'dossier.complete_final': () => [CounterName.FINAL_DONE],
  'dossier.submitted_to_jury': () => [CounterName.PRESENTED],
  'dossier.certify': () => [CounterName.CERTIFIED],
  'dossier.adjourn': () => [CounterName.ADJOURNED],
  'dossier.portfolio_issued': () => [CounterName.PORTFOLIO_ISSUED],
};

/** Whether an audit action is counted at all (the rebuild skips the others without parsing them). */
const isCountedAction = (action: string) => Object.hasOwn(countedActions, action);

/**
 * The counters one audited event of a dossier increments, or `undefined` if it counts nothing.
 * @example countersOfEvent({ action: 'dossier.opened', at }, dossier)?.increments // { opened: 1 }
 */
const countersOfEvent = (event: CountableEvent, dossier: CountedDossier): CounterIncrement | undefined => {
  const counted = countedActions[event.action]?.(event);
  if (!counted) return undefined;
  const increments: Record<string, number> = {};
  for (const name of counted) increments[name] = 1;
  if (counted.includes(CounterName.CERTIFIED)) {
    const delays: [DelayName, string | undefined][] = [
      [DelayName.OPENED_TO_CERTIFICATE, dossier.openedAt],
      [DelayName.PRELIMINARY_TO_CERTIFICATE, dossier.preliminaryEvaluatedOn],
    ];
    for (const [delay, from] of delays) {
      if (!from) continue;
      const days = daysBetween(from, event.at);
      increments[delayBucketField(delay, delayBucketOf(days))] = 1;
      increments[delaySumField(delay)] = days;
    }
  }
  return {
    cell: {
      month: counterMonthOf(event.at),
      region: dossier.region,
      tenantId: dossier.tenantId,
      organismId: dossier.organismId,
      certification: dossier.certification,
    },
    increments,
  };
};

/** Identity of a cell, to sum increments in memory (rebuild, tests). */
const cellKey = (cell: CounterCell) =>
  [cell.month, cell.region, cell.tenantId, cell.organismId, cell.certification].join('|');

/** Adds increments into a map of cells (the in-memory form of the counters). */
const accumulate = (totals: Map<string, CounterIncrement>, increment: CounterIncrement) => {
  const key = cellKey(increment.cell);
  const current = totals.get(key) ?? { cell: increment.cell, increments: {} };
  for (const [field, amount] of Object.entries(increment.increments)) {
    current.increments[field] = (current.increments[field] ?? 0) + amount;
  }
  totals.set(key, current);
  return totals;
};

export type { CountableEvent, CountedDossier, CounterCell, CounterIncrement };
export {
  CounterName,
  DELAY_BUCKET_COUNT,
  DELAY_BUCKET_UPPER_DAYS,
  DelayName,
  accumulate,
  cellKey,
  counterMonthOf,
  counterNames,
  countersOfEvent,
  delayBucketField,
  delayBucketOf,
  delayNames,
  delaySumField,
  isCountedAction,
};
