/**
 * The final evaluation (SPEC §3.3): it comes after a training plan, covers exactly the plan's
 * targeted criteria (those not acquired since), and its result is the union with what was
 * acquired before.
 */
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { PathRuleCode } from './codes.ts';

interface PlanScope {
  targetedCriteria: readonly string[];
}

interface FinalEvaluationScopeOptions {
  plan: PlanScope;
  /** The dossier's acquired criteria (union of its submitted evaluations). */
  acquired: readonly string[];
}

/** The criteria a final evaluation records: the plan's targets not acquired yet, in the plan's order. */
const finalEvaluationScope = ({ plan, acquired }: FinalEvaluationScopeOptions): string[] => {
  const done = new Set(acquired);
  return [...new Set(plan.targetedCriteria)].filter((code) => !done.has(code));
};

interface CanStartFinalOptions {
  /** The dossier's training plan, if one was built. */
  plan: PlanScope | undefined;
  acquired: readonly string[];
}

/** A final evaluation needs a plan whose targets are not all acquired already. */
const canStartFinalEvaluation = ({ plan, acquired }: CanStartFinalOptions): Verdict<PathRuleCode> => {
  if (!plan) {
    return refuse(
      'final_needs_plan',
      "l'évaluation finale suit un plan de formation : aucun plan n'a été construit pour ce dossier",
    );
  }
  if (finalEvaluationScope({ plan, acquired }).length === 0) {
    return refuse(
      'final_scope_empty',
      "tous les critères visés par le plan sont déjà acquis : le formateur doit mettre à jour le plan avant l'évaluation finale",
    );
  }
  return allow();
};

interface ResultsInScopeOptions {
  scope: readonly string[];
  /** Criterion codes of the results sent. */
  codes: readonly string[];
  kind: 'preliminary' | 'final';
}

/** A result may only be recorded for a criterion of the evaluation's scope (400 on `results.<code>`). */
const resultsInScope = ({ scope, codes, kind }: ResultsInScopeOptions): Verdict<PathRuleCode> => {
  const allowed = new Set(scope);
  const outside = codes.find((code) => !allowed.has(code));
  if (outside === undefined) return allow();
  return refuse(
    'criterion_not_trained',
    kind === 'final'
      ? `le critère ${outside} n'a pas été travaillé en formation : l'évaluation finale ne porte que sur les critères du plan`
      : `le critère ${outside} est hors du champ de cette évaluation`,
    `results.${outside}`,
  );
};

interface TrainingHoursOptions {
  plannedHours: number;
  sessions: readonly { plannedHours: number; attended?: boolean | null; attendedHours?: number | null }[];
}

interface TrainingHours {
  planned: number;
  attended: number;
  /** Whether the attended hours reach the plan's planned hours (the final screen warns otherwise). */
  done: boolean;
}

/** Hours attended against the plan's planned hours. */
const trainingHours = ({ plannedHours, sessions }: TrainingHoursOptions): TrainingHours => {
  const attended = sessions.reduce(
    (sum, s) => sum + (s.attended ? (s.attendedHours ?? s.plannedHours) : 0),
    0,
  );
  return { planned: plannedHours, attended, done: attended >= plannedHours };
};

export type { CanStartFinalOptions, FinalEvaluationScopeOptions, TrainingHours };
export { canStartFinalEvaluation, finalEvaluationScope, resultsInScope, trainingHours };
