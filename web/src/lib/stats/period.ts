/** Months and periods of the dashboards: defaults, French names, and the filters read from the URL. */
import {
  Id,
  Month,
  RegionCode,
  certificationLabels,
  certifications,
  groupings,
  monthsBetween,
} from '@socle/domain';
import type { Certification, Grouping } from '@socle/domain';

const parisMonthFormat = new Intl.DateTimeFormat('fr-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
});
const longMonthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const countFormat = new Intl.NumberFormat('fr-FR');

/** The month of an instant in Paris, `2026-03`. */
const monthOf = (now: Date = new Date()): string => parisMonthFormat.format(now).slice(0, 7);

/** `2026-03` moved by `delta` months: `addMonths('2026-01', -1)` → `2025-12`. */
const addMonths = (month: string, delta: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The last 12 months, this one included. */
const defaultPeriod = (now: Date = new Date()): { from: string; to: string } => {
  const to = monthOf(now);
  return { from: addMonths(to, -11), to };
};

const dateOfMonth = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** `2026-03` → `mars 2026`. */
const monthName = (month: string): string => longMonthFormat.format(dateOfMonth(month));

/** `2026-02` → `févr.` (axis labels; the year is written apart). */
const monthAbbreviation = (month: string): string => shortMonthFormat.format(dateOfMonth(month));

/** `2026-T1` → `1er trimestre 2026`; a month → its name; a year stays as it is. */
const periodName = (key: string): string => {
  const quarter = /^(\d{4})-T([1-4])$/.exec(key);
  if (quarter) return `${quarter[2] === '1' ? '1er' : `${quarter[2]}e`} trimestre ${quarter[1]}`;
  return Month.safeParse(key).success ? monthName(key) : key;
};

/** `1234` → `1 234`. */
const formatCount = (n: number): string => countFormat.format(n);

/** A delay in days, or a dash when there is nothing to measure. */
const formatDays = (days: number | null): string =>
  days === null ? '–' : `${countFormat.format(days)} jour${days > 1 ? 's' : ''}`;

/** `socle-volumes-2025-12_2026-11.csv`. */
const volumesFileName = (from: string, to: string): string => `socle-volumes-${from}_${to}.csv`;

/** The months a period select offers, newest first: from `first` to this month. */
const monthOptions = (first: string, now: Date = new Date()) =>
  monthsBetween(first, monthOf(now))
    .reverse()
    .map((m) => ({ value: m, label: monthName(m) }));

/** Months a usage statement can be asked for (three years back), and the default: last month. */
const statementMonths = (params: URLSearchParams, now: Date = new Date()) => {
  const current = monthOf(now);
  const options = monthOptions(addMonths(current, -35), now);
  const asked = params.get('mois') ?? '';
  const month = options.some((o) => o.value === asked) ? asked : addMonths(current, -1);
  return { month, options };
};

/** Oldest month the period selects offer (the API allows 60 months per request). */
const FIRST_MONTH = '2020-01';

interface StatsFilters {
  from: string;
  to: string;
  groupBy: Grouping;
  certification?: Certification;
  region?: string;
  tenantId?: string;
  organismId?: string;
}

/**
 * Filters read from the URL; values the API would refuse fall back to the defaults rather than
 * failing the page. `allowed` lists the groupings the page offers (the first is the default).
 */
const filtersFrom = (
  params: URLSearchParams,
  allowed: readonly Grouping[],
  now: Date = new Date(),
): StatsFilters => {
  const period = defaultPeriod(now);
  const month = (name: string, fallback: string) => {
    const value = params.get(name) ?? '';
    return Month.safeParse(value).success && value >= FIRST_MONTH && value <= monthOf(now) ? value : fallback;
  };
  let from = month('from', period.from);
  let to = month('to', period.to);
  if (from > to) [from, to] = [to, from];
  if (monthsBetween(from, to).length > 60) from = addMonths(to, -59);
  const groupBy = params.get('groupBy') ?? '';
  const certification = params.get('certification') ?? '';
  const region = params.get('region') ?? '';
  const id = (name: string) => {
    const value = params.get(name) ?? '';
    return Id.safeParse(value).success ? value : undefined;
  };
  return {
    from,
    to,
    groupBy: (allowed as readonly string[]).includes(groupBy)
      ? (groupBy as Grouping)
      : (allowed[0] ?? 'month'),
    certification: (certifications as readonly string[]).includes(certification)
      ? (certification as Certification)
      : undefined,
    region: RegionCode.safeParse(region).success ? region : undefined,
    tenantId: id('tenantId'),
    organismId: id('organismId'),
  };
};

/** The URL of a dashboard with these filters (defaults left out, so links stay short). */
const filtersHref = (path: string, filters: Partial<StatsFilters>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

/**
 * What the figures cover, in words: `De décembre 2025 à novembre 2026 · Île-de-France · CléA`.
 * `names` gives the network's or organism's name when one is filtered.
 */
const scopeText = (
  filters: StatsFilters,
  names: { region?: string; network?: string; organism?: string } = {},
) =>
  [
    filters.from === filters.to
      ? `En ${monthName(filters.from)}`
      : `De ${monthName(filters.from)} à ${monthName(filters.to)}`,
    names.region,
    names.network,
    names.organism,
    filters.certification ? certificationLabels[filters.certification] : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

/** Whether a grouping is by time (its rows are periods, listed even when empty). */
const isTimeGrouping = (g: Grouping): boolean => g === 'month' || g === 'quarter' || g === 'year';

export type { StatsFilters };
export {
  FIRST_MONTH,
  addMonths,
  defaultPeriod,
  filtersFrom,
  filtersHref,
  formatCount,
  formatDays,
  groupings,
  isTimeGrouping,
  monthAbbreviation,
  monthName,
  monthOf,
  monthOptions,
  periodName,
  scopeText,
  statementMonths,
  volumesFileName,
};
