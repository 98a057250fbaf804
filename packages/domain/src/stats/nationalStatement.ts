/**
 * The consolidated national usage statement (issue 17): every network's billable volumes and amounts
 * for one month or one year, and the national totals. Each network's month is the per-network
 * statement (`usageStatementOf`, with the fees in force that month); a year adds up its twelve
 * months, so a fee change during the year prices each month at its own fees.
 */
import * as z from 'zod';
import { type Certification, certifications } from '../constants.ts';
import { certificationLabels } from '../labels.ts';
import { IsoDateTime } from '../schemas/common.ts';
import type { CsvCell } from './csv.ts';
import { type FeeSchedule, StatementItem, usageStatementOf } from './fees.ts';
import { statementItemLabels } from './labels.ts';
import { Month, monthsBetween } from './volumes.ts';

/** A month (`2026-04`) or a calendar year (`2026`). */
const StatementPeriod = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'période invalide : un mois (AAAA-MM) ou une année (AAAA)' });

const monthsOfPeriod = (period: string): string[] =>
  period.length === 4 ? monthsBetween(`${period}-01`, `${period}-12`) : [period];

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-04` → `avril 2026`; `2026` → `année 2026`. */
const periodLabel = (period: string): string =>
  period.length === 4 ? `année ${period}` : monthFormat.format(new Date(`${period}-01T00:00:00Z`));

const NationalStatementLine = z.object({
  certification: z.enum(certifications),
  item: StatementItem,
  quantity: z.number().int(),
  /** The unit price; null when the fees changed within the period (each month has its own). */
  unitCents: z.number().int().nullable(),
  amountCents: z.number().int(),
});
type NationalStatementLine = z.infer<typeof NationalStatementLine>;

const NetworkStatementSummary = z.object({
  tenant: z.object({ id: z.string(), name: z.string() }),
  lines: z.array(NationalStatementLine),
  totalCents: z.number().int(),
});
type NetworkStatementSummary = z.infer<typeof NetworkStatementSummary>;

const NationalStatement = z.object({
  period: StatementPeriod,
  months: z.array(Month),
  /** Every network, by name, even at zero: the statement always lists the same networks. */
  networks: z.array(NetworkStatementSummary),
  total: z.object({ lines: z.array(NationalStatementLine), totalCents: z.number().int() }),
  /** The fee schedules applied over the period, by start month (null: the defaults). */
  feesEffectiveFrom: z.array(Month.nullable()),
  generatedAt: IsoDateTime,
});
type NationalStatement = z.infer<typeof NationalStatement>;

/** A counter cell as the statement needs it: whose, when, which certification, what was counted. */
interface StatementCell {
  tenantId: string;
  month: string;
  certification: Certification;
  preliminaryDone?: number;
  certified?: number;
}

type Counts = Partial<Record<Certification, { preliminaryDone: number; certified: number }>>;

/** Adds month lines up per (certification, item), keeping a unit price only while it stays the same. */
const sumLines = (groups: readonly (readonly NationalStatementLine[])[]): NationalStatementLine[] => {
  const sums = new Map<string, NationalStatementLine>();
  for (const lines of groups) {
    for (const line of lines) {
      const key = `${line.certification}|${line.item}`;
      const sum = sums.get(key);
      sums.set(
        key,
        sum
          ? {
              ...sum,
              quantity: sum.quantity + line.quantity,
              amountCents: sum.amountCents + line.amountCents,
              unitCents: sum.unitCents === line.unitCents ? sum.unitCents : null,
            }
          : { ...line },
      );
    }
  }
  return [...sums.values()];
};

const total = (lines: readonly NationalStatementLine[]) =>
  lines.reduce((sum, line) => sum + line.amountCents, 0);

/**
 * The national statement from the counter cells of the period. `tenants` are every network (listed
 * even without activity); a cell of a network missing from the list is still counted, under a
 * neutral name, so the national total always equals the sum of the counters.
 */
const nationalStatementOf = (input: {
  period: string;
  tenants: readonly { id: string; name: string }[];
  cells: readonly StatementCell[];
  schedules: readonly FeeSchedule[];
  generatedAt: string;
}): NationalStatement => {
  const months = monthsOfPeriod(input.period);
  const counts = new Map<string, Counts>();
  for (const cell of input.cells) {
    if (!months.includes(cell.month)) continue;
    const key = `${cell.tenantId}|${cell.month}`;
    const byCertification = counts.get(key) ?? {};
    const c = byCertification[cell.certification] ?? { preliminaryDone: 0, certified: 0 };
    c.preliminaryDone += Number(cell.preliminaryDone ?? 0);
    c.certified += Number(cell.certified ?? 0);
    byCertification[cell.certification] = c;
    counts.set(key, byCertification);
  }
  const tenants = new Map(input.tenants.map((t) => [t.id, t]));
  for (const cell of input.cells) {
    if (!tenants.has(cell.tenantId))
      tenants.set(cell.tenantId, { id: cell.tenantId, name: 'Réseau inconnu' });
  }
  const feesApplied = new Set<string | null>();
  const networks = [...tenants.values()]
    .map((tenant) => {
      const monthly = months.map((month) => {
        const statement = usageStatementOf({
          tenant,
          month,
          countsByCertification: counts.get(`${tenant.id}|${month}`) ?? {},
          schedules: input.schedules,
          generatedAt: input.generatedAt,
        });
        feesApplied.add(statement.feesEffectiveFrom);
        return statement.lines;
      });
      const lines = sumLines(monthly);
      return { tenant: { id: tenant.id, name: tenant.name }, lines, totalCents: total(lines) };
    })
    .sort((a, b) => a.tenant.name.localeCompare(b.tenant.name, 'fr'));
  const totalLines = sumLines(networks.map((n) => n.lines));
  return {
    period: input.period,
    months,
    networks,
    total: { lines: totalLines, totalCents: total(totalLines) },
    feesEffectiveFrom: [...feesApplied].sort((a, b) => (a ?? '').localeCompare(b ?? '')),
    generatedAt: input.generatedAt,
  };
};

/** Amounts in euros with two decimals (the CSV dialect decides the decimal separator). */
const euros = (cents: number | null) => (cents === null ? 'variable' : Number((cents / 100).toFixed(2)));

/** The CSV: one line per network and billable item, each network's total, then the national lines. */
const nationalStatementTable = (statement: NationalStatement): CsvCell[][] => {
  const period = periodLabel(statement.period);
  const linesOf = (
    name: string,
    lines: readonly NationalStatementLine[],
    totalCents: number,
  ): CsvCell[][] => [
    ...lines.map((l) => [
      name,
      period,
      certificationLabels[l.certification],
      statementItemLabels[l.item],
      l.quantity,
      euros(l.unitCents),
      euros(l.amountCents),
    ]),
    [name, period, 'Total', '', '', '', euros(totalCents)],
  ];
  return [
    ['Réseau', 'Période', 'Certification', 'Prestation', 'Quantité', 'Prix unitaire (€)', 'Montant (€)'],
    ...statement.networks.flatMap((n) => linesOf(n.tenant.name, n.lines, n.totalCents)),
    ...linesOf('Tous les réseaux', statement.total.lines, statement.total.totalCents),
  ];
};

/** `releve-national-2026-04.csv`, `releve-national-2026.pdf`. */
const nationalStatementFileName = (period: string, extension: 'csv' | 'pdf') =>
  `releve-national-${period}.${extension}`;

export type { StatementCell };
export {
  NationalStatement,
  NationalStatementLine,
  NetworkStatementSummary,
  StatementPeriod,
  monthsOfPeriod,
  nationalStatementFileName,
  nationalStatementOf,
  nationalStatementTable,
  periodLabel,
};
