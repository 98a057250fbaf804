/**
 * Fees and usage statements (SPEC §6). Fees are a schedule: each version applies from a month on,
 * so changing the fees never rewrites the statements of past months.
 */
import * as z from 'zod';
import { type Certification, certifications } from '../constants.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Refused, Verdict } from '../rules/verdict.ts';
import { IsoDateTime, Version } from '../schemas/common.ts';
import { counterMonthOf } from './counters.ts';
import { type Counts, Month } from './volumes.ts';
import { FEE_RULE_CODES } from '../rules/ruleCodes.ts';
import type { FeeRuleCode } from '../rules/ruleCodes.ts';

/** Euro cents, so sums are exact. */
const Cents = z
  .number({ error: 'montant requis (en centimes)' })
  .int({ error: 'montant en centimes entiers' })
  .min(0, { error: 'montant positif ou nul' })
  .max(1_000_000, { error: '10 000 € au plus' });

const CertificationFees = z.object({
  preliminaryEvaluation: Cents,
  certificate: Cents,
});
type CertificationFees = z.infer<typeof CertificationFees>;

const FeeTable = z.object(
  Object.fromEntries(certifications.map((c) => [c, CertificationFees])) as Record<
    Certification,
    typeof CertificationFees
  >,
);
type FeeTable = z.infer<typeof FeeTable>;

/** SPEC §6: CléA €20 per preliminary evaluation and €5 per certificate; CléA numérique €10 per certificate. */
const DEFAULT_FEES: FeeTable = {
  clea: { preliminaryEvaluation: 2000, certificate: 500 },
  'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
};

const FeeScheduleInput = z.object({
  fees: FeeTable,
  /** The version replaced; absent when the month has no schedule yet. */
  version: Version.optional(),
});
type FeeScheduleInput = z.infer<typeof FeeScheduleInput>;

const FeeSchedule = z.object({
  effectiveFrom: Month,
  fees: FeeTable,
  version: z.number().int(),
  updatedAt: IsoDateTime,
  updatedBy: z.string(),
});
type FeeSchedule = z.infer<typeof FeeSchedule>;

const FeeSchedulesResponse = z.object({
  /** Newest first. Before the oldest schedule, the defaults apply. */
  items: z.array(FeeSchedule),
  defaults: FeeTable,
});

/**
 * May a fee schedule start in `month`? The product has no act of issuing a statement: a statement is
 * computed on demand from the counters. So "issued" is defined by the calendar: once a month has
 * ended (in French metropolitan time, the counters' clock) its statements are final, since networks
 * may already have downloaded and paid them; a schedule starting then would silently reprice them.
 * The current month is still open (its counts still move), so a schedule may start in it.
 */
/** Written at write time: a schedule starting that month was created since the editor read the list. */
const scheduleExists: Refused<FeeRuleCode> = refuse(
  'schedule_exists',
  'des tarifs existent déjà à partir de ce mois : rechargez la page pour les modifier',
);

const checkFeeScheduleStart = ({ month, now }: { month: string; now: Date }): Verdict<FeeRuleCode> =>
  month < counterMonthOf(now.toISOString())
    ? refuse(
        'statement_issued',
        'les relevés de ce mois sont déjà émis (mois terminé) : choisissez le mois en cours ou un mois à venir',
        'month',
      )
    : allow();

/** The fees in force in a month: the latest schedule effective on or before it, else the defaults. */
const feesInForce = (
  schedules: readonly FeeSchedule[],
  month: string,
): { fees: FeeTable; effectiveFrom: string | null } => {
  const applicable = schedules
    .filter((s) => s.effectiveFrom <= month)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return applicable
    ? { fees: applicable.fees, effectiveFrom: applicable.effectiveFrom }
    : { fees: DEFAULT_FEES, effectiveFrom: null };
};

const StatementItem = z.enum(['preliminary_evaluation', 'certificate']);
type StatementItem = z.infer<typeof StatementItem>;

const StatementLine = z.object({
  certification: z.enum(certifications),
  item: StatementItem,
  quantity: z.number().int(),
  unitCents: z.number().int(),
  amountCents: z.number().int(),
});
type StatementLine = z.infer<typeof StatementLine>;

const UsageStatement = z.object({
  tenant: z.object({ id: z.string(), name: z.string() }),
  month: Month,
  lines: z.array(StatementLine),
  totalCents: z.number().int(),
  /** The schedule applied (null: the defaults). */
  feesEffectiveFrom: Month.nullable(),
  generatedAt: IsoDateTime,
});
type UsageStatement = z.infer<typeof UsageStatement>;

/**
 * The statement of one network for one month, from its counters per certification. Every billable
 * line is listed, even at zero, so a statement always has the same shape.
 */
const usageStatementOf = (input: {
  tenant: { id: string; name: string };
  month: string;
  countsByCertification: Partial<Record<Certification, Pick<Counts, 'preliminaryDone' | 'certified'>>>;
  schedules: readonly FeeSchedule[];
  generatedAt: string;
}): UsageStatement => {
  const { fees, effectiveFrom } = feesInForce(input.schedules, input.month);
  const lines: StatementLine[] = certifications.flatMap((certification) => {
    const counts = input.countsByCertification[certification] ?? { preliminaryDone: 0, certified: 0 };
    const table = fees[certification];
    return [
      {
        item: 'preliminary_evaluation' as const,
        quantity: counts.preliminaryDone,
        unitCents: table.preliminaryEvaluation,
      },
      { item: 'certificate' as const, quantity: counts.certified, unitCents: table.certificate },
    ].map((line) => ({ certification, ...line, amountCents: line.quantity * line.unitCents }));
  });
  return {
    tenant: input.tenant,
    month: input.month,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    feesEffectiveFrom: effectiveFrom,
    generatedAt: input.generatedAt,
  };
};

/** `1234` → `12,34 €` (French formatting, narrow no-break spaces as Intl writes them). */
const formatEuros = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

export type { FeeRuleCode };
export {
  FEE_RULE_CODES,
  scheduleExists,
  checkFeeScheduleStart,
  Cents,
  CertificationFees,
  FeeScheduleInput,
  StatementItem,
  DEFAULT_FEES,
  FeeSchedule,
  FeeSchedulesResponse,
  FeeTable,
  StatementLine,
  UsageStatement,
  feesInForce,
  formatEuros,
  usageStatementOf,
};
