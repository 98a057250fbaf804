/**
 * Moves a demo dossier along its path with the real data-layer functions: evaluations on the grid,
 * training plans, final evaluations. Each step happens at a date in the past, as it would have.
 */
import {
  createTrainingPlan,
  getDossier,
  saveEvaluation,
  startEvaluation,
  submitEvaluation,
  updateTrainingPlan,
} from '@socle/data';
import type { StoredReferentiel, TenantScope, WriteContext } from '@socle/data';
import { allCriteria } from '@socle/domain';
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

const at = (principal: Principal, when: Date): WriteContext => ({ principal, requestId: 'seed', now: when });
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
  const dossier = await getDossier(scope, dossierId);
  const evaluation = await startEvaluation(scope, at(evaluator, when), dossierId, {
    dossierVersion: dossier.version,
  });
  const sequences = [
    {
      date: isoDate(when),
      start: '09:00',
      durationMinutes: evaluation.kind === 'final' ? 150 : 210,
      mode: 'on_site' as const,
    },
    ...(evaluation.kind === 'preliminary'
      ? [{ date: isoDate(when), start: '14:00', durationMinutes: 150, mode: 'on_site' as const }]
      : []),
  ];
  const saved = await saveEvaluation(scope, at(evaluator, when), dossierId, evaluation.id, undefined, {
    version: evaluation.version,
    sequences,
    results: grid(evaluation.scope),
  });
  if (leaveOpen) return;
  await submitEvaluation(
    scope,
    at(evaluator, new Date(when.getTime() + 3600_000)),
    dossierId,
    evaluation.id,
    undefined,
    {
      version: saved.version,
    },
  );
};

/** A training plan from the gaps, with the first sessions attended. */
const planTraining = async (actors: PathActors, dossierId: string, when: Date, sessionsDone: number) => {
  const { scope, trainer, trainingOrganismId } = actors;
  const dossier = await getDossier(scope, dossierId);
  const gaps = allCriteria(actors.referentiel)
    .map((c) => c.code)
    .filter((code) => !dossier.acquiredCriteria.includes(code));
  const sessions = Array.from({ length: 6 }, (_, i) => ({
    id: `s${i + 1}`,
    date: isoDate(new Date(when.getTime() + (i + 1) * 7 * DAY)),
    plannedHours: 3,
    topic: i % 2 === 0 ? 'Communication écrite et orale' : 'Calcul et raisonnement',
  }));
  const plan = await createTrainingPlan(scope, at(trainer, when), dossierId, undefined, {
    organismId: trainingOrganismId,
    dossierVersion: dossier.version,
    targetedCriteria: gaps,
    objectives: 'Consolider les acquis et travailler les critères non acquis lors de l’évaluation préalable.',
    plannedHours: 18,
    sessions,
  });
  if (sessionsDone === 0) return;
  await updateTrainingPlan(
    scope,
    at(trainer, new Date(when.getTime() + sessionsDone * 7 * DAY + DAY)),
    dossierId,
    undefined,
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

/** Brings a freshly opened dossier to its stage; `openedAt` is when it was opened. */
const bringToStage = async (actors: PathActors, dossierId: string, openedAt: Date, stage: Stage) => {
  const { random } = actors;
  const prelim = new Date(openedAt.getTime() + 14 * DAY);
  const withGaps = (codes: string[]) => randomGrid(codes, random, 0.8);
  const allAcquired = (codes: string[]) => randomGrid(codes, random, 1);
  switch (stage) {
    case Stage.OPENED:
      return;
    case Stage.GRID_IN_PROGRESS:
      return runEvaluation(actors, dossierId, prelim, (codes) => randomGrid(codes, random, 0.7, 0.5), {
        leaveOpen: true,
      });
    case Stage.ELIGIBLE_AT_ONCE:
      return runEvaluation(actors, dossierId, prelim, allAcquired);
    case Stage.EXPIRED:
      // Evaluated over five years ago and never finished: the sweep at the end expires it.
      return runEvaluation(actors, dossierId, prelim, withGaps);
    case Stage.TRAINING:
    case Stage.NEAR_DEADLINE:
      await runEvaluation(actors, dossierId, prelim, withGaps);
      return planTraining(actors, dossierId, new Date(prelim.getTime() + 10 * DAY), 3);
    case Stage.FINAL_IN_PROGRESS:
    case Stage.ELIGIBLE_AFTER_TRAINING: {
      await runEvaluation(actors, dossierId, prelim, withGaps);
      await planTraining(actors, dossierId, new Date(prelim.getTime() + 10 * DAY), 6);
      const final = new Date(prelim.getTime() + 70 * DAY);
      return runEvaluation(actors, dossierId, final, allAcquired, {
        leaveOpen: stage === Stage.FINAL_IN_PROGRESS,
      });
    }
  }
};

export type { PathActors };
export { Stage, bringToStage };
