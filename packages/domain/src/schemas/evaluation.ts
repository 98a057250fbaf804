/**
 * Evaluations on the grid (SPEC §3.2–3.3): sequences (date, start, duration, mode) and a status per
 * criterion. A preliminary evaluation covers the whole grid; a final one the training plan's targeted
 * criteria not acquired yet (SPEC §3.3).
 */
import * as z from 'zod';
import { criterionStatuses } from '../referentiel/mastery.ts';
import { Id, IsoDate, IsoDateTime, RecordMeta, Version } from './common.ts';

const EvaluationKind = { PRELIMINARY: 'preliminary', FINAL: 'final' } as const;
type EvaluationKind = (typeof EvaluationKind)[keyof typeof EvaluationKind];

const SequenceMode = { ON_SITE: 'on_site', REMOTE: 'remote' } as const;
type SequenceMode = (typeof SequenceMode)[keyof typeof SequenceMode];

const Sequence = z.object({
  date: IsoDate,
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'heure attendue au format HH:MM' }),
  durationMinutes: z
    .number({ error: 'durée en minutes' })
    .int()
    .min(15, { error: '15 minutes au moins' })
    .max(8 * 60, { error: '8 heures au plus par séquence' }),
  mode: z.enum([SequenceMode.ON_SITE, SequenceMode.REMOTE]),
});
type Sequence = z.infer<typeof Sequence>;

const CriterionResult = z.object({
  status: z.enum(criterionStatuses),
  note: z.string().trim().max(1000).nullable().optional(),
});
type CriterionResult = z.infer<typeof CriterionResult>;

/** Criterion code → result. */
const Results = z.record(
  z.string().regex(/^\d+(\.\d+)+$/, { error: 'code de critère invalide' }),
  CriterionResult,
);

const EvaluationStart = z.object({ dossierVersion: Version });

/** Autosave of the grid: only the criteria changed since the last save need to be sent. */
const EvaluationSave = z.object({
  version: Version,
  sequences: z.array(Sequence).max(20).optional(),
  results: Results.optional(),
});

const EvaluationSubmit = z.object({ version: Version });

const Evaluation = z.object({
  id: Id,
  dossierId: Id,
  kind: z.enum([EvaluationKind.PRELIMINARY, EvaluationKind.FINAL]),
  status: z.enum(['in_progress', 'submitted']),
  referentielId: z.string(),
  evaluatorId: Id,
  evaluatorName: z.string().optional(),
  organismId: Id,
  /** Criteria this evaluation may record: all (preliminary) or the plan's targets not acquired before (final). */
  scope: z.array(z.string()),
  sequences: z.array(Sequence),
  results: z.record(z.string(), CriterionResult),
  submittedAt: IsoDateTime.optional(),
  outcome: z.enum(['eligible', 'training_needed']).optional(),
  ...RecordMeta.shape,
});
type Evaluation = z.infer<typeof Evaluation>;

type EvaluationSave = z.infer<typeof EvaluationSave>;

/** Total time of the sequences, in minutes. */
const totalMinutes = (sequences: readonly Pick<Sequence, 'durationMinutes'>[]) =>
  sequences.reduce((sum, s) => sum + s.durationMinutes, 0);

export type { CriterionResult, Sequence };
export {
  Evaluation,
  EvaluationKind,
  EvaluationSave,
  EvaluationStart,
  EvaluationSubmit,
  Results,
  Sequence as SequenceSchema,
  SequenceMode,
  totalMinutes,
};
