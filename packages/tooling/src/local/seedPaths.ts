/**
 * Moves a demo dossier along its path with the real data-layer functions: evaluations on the grid,
 * training plans, final evaluations. Each step happens at a date in the past, as it would have.
 */
import {
  actingOn,
  createTrainingPlan,
  getDossier,
  recordPortfolioIssued,
  saveEvaluation,
  startEvaluation,
  submitEvaluation,
  updateTrainingPlan,
} from '@socle/data';
import type { StoredReferentiel, TenantScope, WriteContext } from '@socle/data';
import { allCriteria, clockAt, regionToday } from '@socle/domain';
import type { CriterionStatus, Principal } from '@socle/domain';

const DAY = 86_400_000;

interface PathActors {
  scope: TenantScope;
  evaluator: Principal;
  trainer: Principal;
  trainingOrganismId: string;
  referentiel: StoredReferentiel;
  random: () => number;
}

const at = (principal: Principal, when: Date): WriteContext => ({
  principal,
  requestId: 'seed',
  clock: clockAt(when),
});
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A grid where each criterion is acquired with the given probability; `partial` leaves some blank. */
const randomGrid = (codes: string[], random: () => number, pAcquired: number, partial = 1) =>
  Object.fromEntries(
    codes
      .filter(() => random() < partial)
      .map((code) => [
        code,
        { status: (random() < pAcquired ? 'acquired' : 'not_acquired') as CriterionStatus },
      ]),
  );

/** Starts an evaluation, records one or two sequences and the grid; submits unless `leaveOpen`. */
const runEvaluation = async (
  actors: PathActors,
  dossierId: string,
  when: Date,
  grid: (scope: string[]) => Record<string, { status: CriterionStatus }>,
  { leaveOpen = false } = {},
) => {
  const { scope, evaluator } = actors;
  const dossier = await getDossier(scope, dossierId, undefined, when);
  const evaluation = await startEvaluation(actingOn(at(evaluator, when), scope), dossierId, {
    dossierVersion: dossier.version,
  });
  // The day of the sequences is the dossier's region's day (overseas regions are hours from UTC).
  const day = regionToday(dossier.region, when);
  const sequences = [
    {
      date: day,
      start: '09:00',
      durationMinutes: evaluation.kind === 'final' ? 150 : 210,
      mode: 'on_site' as const,
    },
    ...(evaluation.kind === 'preliminary'
      ? [{ date: day, start: '14:00', durationMinutes: 150, mode: 'on_site' as const }]
      : []),
  ];
  const saved = await saveEvaluation(actingOn(at(evaluator, when), scope), dossierId, evaluation.id, {
    version: evaluation.version,
    sequences,
    results: grid(evaluation.scope),
  });
  if (leaveOpen) return;
  await submitEvaluation(
    actingOn(at(evaluator, new Date(when.getTime() + 3600_000)), scope),
    dossierId,
    evaluation.id,
    {
      version: saved.version,
    },
  );
};

/** A training plan from the gaps, with the first sessions attended. */
const planTraining = async (actors: PathActors, dossierId: string, when: Date, sessionsDone: number) => {
  const { scope, trainer, trainingOrganismId } = actors;
  const dossier = await getDossier(scope, dossierId, undefined, when);
  const gaps = allCriteria(actors.referentiel)
    .map((c) => c.code)
    .filter((code) => !dossier.acquiredCriteria.includes(code));
  const sessions = Array.from({ length: 6 }, (_, i) => ({
    id: `s${i + 1}`,
    date: isoDate(new Date(when.getTime() + (i + 1) * 7 * DAY)),
    plannedHours: 3,
    topic: i % 2 === 0 ? 'Communication écrite et orale' : 'Calcul et raisonnement',
  }));
  const plan = await createTrainingPlan(actingOn(at(trainer, when), scope), dossierId, {
    organismId: trainingOrganismId,
    dossierVersion: dossier.version,
    targetedCriteria: gaps,
    objectives: 'Consolider les acquis et travailler les critères non acquis lors de l’évaluation préalable.',
    plannedHours: 18,
    sessions,
  });
  if (sessionsDone === 0) return;
  await updateTrainingPlan(
    actingOn(at(trainer, new Date(when.getTime() + sessionsDone * 7 * DAY + DAY)), scope),
    dossierId,
    {
      version: plan.version,
      sessions: sessions.map((s, i) =>
        i < sessionsDone
          ? {
              ...s,
              attended: true,
              attendedHours: 3,
              progressNote: 'Participation active, progrès visibles.',
            }
          : s,
      ),
    },
  );
};

/** The stages a demo dossier can be brought to, with what each needs. */
const Stage = {
  OPENED: 'opened',
  GRID_IN_PROGRESS: 'grid_in_progress',
  ELIGIBLE_AT_ONCE: 'eligible_at_once',
  TRAINING: 'training',
  FINAL_IN_PROGRESS: 'final_in_progress',
  ELIGIBLE_AFTER_TRAINING: 'eligible_after_training',
  NEAR_DEADLINE: 'near_deadline',
  EXPIRED: 'expired',
} as const;
type Stage = (typeof Stage)[keyof typeof Stage];

/** When a dossier's steps happen: its preliminary evaluation, training plan and final evaluation. */
interface PathDates {
  preliminary: Date;
  training: Date;
  final: Date;
}

/** A dossier's step dates, from its opening: the delays vary as they do in real networks. */
const pathDatesOf = (openedAt: Date, random: () => number): PathDates => {
  const preliminary = new Date(openedAt.getTime() + (8 + Math.floor(random() * 21)) * DAY);
  return {
    preliminary,
    training: new Date(preliminary.getTime() + (7 + Math.floor(random() * 8)) * DAY),
    final: new Date(preliminary.getTime() + (65 + Math.floor(random() * 56)) * DAY),
  };
};

/** The last step each stage needs, and the stage it falls back to while that step is still ahead. */
const lastStepOf: Record<Stage, { step: keyof PathDates | null; fallback: Stage }> = {
  [Stage.OPENED]: { step: null, fallback: Stage.OPENED },
  [Stage.GRID_IN_PROGRESS]: { step: 'preliminary', fallback: Stage.OPENED },
  [Stage.ELIGIBLE_AT_ONCE]: { step: 'preliminary', fallback: Stage.GRID_IN_PROGRESS },
  [Stage.TRAINING]: { step: 'training', fallback: Stage.GRID_IN_PROGRESS },
  [Stage.FINAL_IN_PROGRESS]: { step: 'final', fallback: Stage.TRAINING },
  [Stage.ELIGIBLE_AFTER_TRAINING]: { step: 'final', fallback: Stage.FINAL_IN_PROGRESS },
  [Stage.NEAR_DEADLINE]: { step: 'training', fallback: Stage.TRAINING },
  [Stage.EXPIRED]: { step: 'preliminary', fallback: Stage.GRID_IN_PROGRESS },
};

/** The furthest stage, up to `wanted`, whose steps all lie in the past (a day before `now` at least). */
const reachableStage = (wanted: Stage, dates: PathDates, now: Date): Stage => {
  let stage = wanted;
  for (;;) {
    const { step, fallback } = lastStepOf[stage];
    if (!step || dates[step].getTime() + 2 * 3600_000 <= now.getTime() - DAY) return stage;
    stage = fallback;
  }
};

/** The first download of the portfolio after an evaluation (its issuance), a few days later. */
const issuePortfolio = async (actors: PathActors, dossierId: string, evaluatedAt: Date, now: Date) => {
  const when = new Date(evaluatedAt.getTime() + (1 + Math.floor(actors.random() * 5)) * DAY);
  if (when.getTime() > now.getTime()) return;
  await recordPortfolioIssued(actingOn(at(actors.evaluator, when), actors.scope), dossierId);
};

/**
 * Brings a freshly opened dossier to its stage on its step dates (every one in the past), issuing
 * the portfolio after some evaluations; returns when the dossier became eligible, if it did.
 */
const bringToStage = async (
  actors: PathActors,
  dossierId: string,
  dates: PathDates,
  stage: Stage,
  now: Date,
): Promise<{ eligibleAt?: Date }> => {
  const { random } = actors;
  const withGaps = (codes: string[]) => randomGrid(codes, random, 0.8);
  const allAcquired = (codes: string[]) => randomGrid(codes, random, 1);
  /** The submission comes an hour after the grid is saved. */
  const submitted = (when: Date) => new Date(when.getTime() + 3600_000);
  const preliminary = async (grid: (codes: string[]) => Record<string, { status: CriterionStatus }>) => {
    await runEvaluation(actors, dossierId, dates.preliminary, grid);
    if (random() < 0.6) await issuePortfolio(actors, dossierId, dates.preliminary, now);
  };
  /** Training sessions are weekly; those already past were attended (at most `upTo`). */
  const sessionsDone = (upTo: number) =>
    Math.max(0, Math.min(upTo, Math.floor((now.getTime() - dates.training.getTime() - DAY) / (7 * DAY))));
  switch (stage) {
    case Stage.OPENED:
      return {};
    case Stage.GRID_IN_PROGRESS:
      await runEvaluation(
        actors,
        dossierId,
        dates.preliminary,
        (codes) => randomGrid(codes, random, 0.7, 0.5),
        {
          leaveOpen: true,
        },
      );
      return {};
    case Stage.ELIGIBLE_AT_ONCE:
      await preliminary(allAcquired);
      return { eligibleAt: submitted(dates.preliminary) };
    case Stage.EXPIRED:
      // Evaluated over five years ago and never finished: the sweep at the end expires it.
      await preliminary(withGaps);
      return {};
    case Stage.TRAINING:
    case Stage.NEAR_DEADLINE:
      await preliminary(withGaps);
      await planTraining(actors, dossierId, dates.training, sessionsDone(3));
      return {};
    case Stage.FINAL_IN_PROGRESS:
    case Stage.ELIGIBLE_AFTER_TRAINING: {
      await preliminary(withGaps);
      await planTraining(actors, dossierId, dates.training, 6);
      const done = stage === Stage.ELIGIBLE_AFTER_TRAINING;
      await runEvaluation(actors, dossierId, dates.final, allAcquired, { leaveOpen: !done });
      if (!done) return {};
      if (random() < 0.7) await issuePortfolio(actors, dossierId, dates.final, now);
      return { eligibleAt: submitted(dates.final) };
    }
  }
};

export type { PathActors, PathDates };
export { Stage, bringToStage, pathDatesOf, reachableStage };
