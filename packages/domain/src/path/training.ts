/**
 * Training and evaluation of a candidate (SPEC §3.2, §3.3): independence (the person who evaluated
 * a candidate does not train them, a trainer does not run their final evaluation), a plan built once
 * while the dossier is in training and followed until its final evaluation, and a submitted
 * evaluation frozen.
 */
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { PathRuleCode } from './codes.ts';

/** What the independence rules read of a dossier: who evaluated and who trained the candidate. */
interface DossierStaff {
  evaluatorIds: readonly string[];
  trainerIds: readonly string[];
}

/** A trainer who evaluated the candidate neither builds nor follows their plan. */
const trainerIndependent = (
  dossier: Pick<DossierStaff, 'evaluatorIds'>,
  userId: string,
): Verdict<PathRuleCode> =>
  dossier.evaluatorIds.includes(userId)
    ? refuse(
        'trainer_is_evaluator',
        'vous avez évalué ce candidat : un autre formateur doit construire et suivre son plan',
      )
    : allow();

/** An evaluator who trained the candidate does not run their final evaluation (a preliminary one is fine). */
const evaluatorIndependent = (
  dossier: Pick<DossierStaff, 'trainerIds'>,
  userId: string,
  kind: 'preliminary' | 'final',
): Verdict<PathRuleCode> =>
  kind === 'final' && dossier.trainerIds.includes(userId)
    ? refuse(
        'evaluator_is_trainer',
        'vous avez formé ce candidat : un autre évaluateur doit conduire son évaluation finale',
      )
    : allow();

/** A plan is built once, while the dossier is in training. */
const canBuildPlan = (dossier: { status: string; trainingPlanId?: string | null }): Verdict<PathRuleCode> => {
  if (dossier.status !== 'in_training') {
    return refuse('not_in_training', 'un plan se construit quand le dossier est en formation');
  }
  return dossier.trainingPlanId
    ? refuse('plan_exists', 'ce dossier a déjà un plan de formation : modifiez-le')
    : allow();
};

/** Statuses in which a plan is still followed (edited, attendance recorded): until the final evaluation ends. */
const TRAINABLE_STATUSES: readonly string[] = ['in_training', 'final_evaluation'];

const canFollowPlan = (dossier: { status: string }): Verdict<PathRuleCode> =>
  TRAINABLE_STATUSES.includes(dossier.status)
    ? allow()
    : refuse('not_in_training', "le dossier n'est plus en formation");

/** A submitted (validated) evaluation is frozen. */
const canEditEvaluation = (evaluation: { status: string }): Verdict<PathRuleCode> =>
  evaluation.status === 'in_progress'
    ? allow()
    : refuse('evaluation_submitted', "l'évaluation est validée : elle ne peut plus être modifiée");

export type { DossierStaff };
export {
  TRAINABLE_STATUSES,
  canBuildPlan,
  canEditEvaluation,
  canFollowPlan,
  evaluatorIndependent,
  trainerIndependent,
};
