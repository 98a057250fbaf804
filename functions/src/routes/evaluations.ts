/** Evaluations on the grid, the restitution, the training plan and the portfolio document. */
import {
  Dossier,
  Evaluation,
  EvaluationSave,
  EvaluationStart,
  EvaluationSubmit,
  Id,
  IdParam,
  Role,
  TrainingPlan,
  TrainingPlanCreate,
  TrainingPlanUpdate,
  Version,
} from '@socle/domain';
import { z } from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';
import { STAFF } from './roles.ts';

const R = Role;
const DossierParam = IdParam('dossierId');
const EvaluationParams = z.object({ dossierId: Id, evaluationId: Id });

const MasteryOut = z.object({
  complete: z.boolean(),
  acquiredCriteria: z.array(z.string()),
  gaps: z.array(z.string()),
  domains: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      mastered: z.boolean(),
      masteredSubdomains: z.number(),
      subdomains: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          acquired: z.number(),
          total: z.number(),
          minAcquired: z.number(),
          missingMandatory: z.array(z.string()),
          mastered: z.boolean(),
        }),
      ),
    }),
  ),
});

const Restitution = z.object({
  dossier: Dossier,
  candidate: z.object({ firstName: z.string(), lastName: z.string() }),
  referentiel: z.object({ id: z.string(), label: z.string(), title: z.string() }),
  mastery: MasteryOut,
  /** Criterion code → latest status and note, over all submitted evaluations. */
  criteria: z.record(
    z.string(),
    z.object({ text: z.string(), status: z.string(), note: z.string().nullable().optional() }),
  ),
  evaluations: z.array(
    Evaluation.pick({ id: true, kind: true, submittedAt: true, sequences: true, evaluatorName: true }),
  ),
});

const evaluationRoutes = [
  {
    id: 'startEvaluation',
    method: 'POST',
    path: '/dossiers/{dossierId}/evaluations',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: [R.EVALUATOR],
    summary: 'Start the preliminary evaluation (or the final one after training)',
    request: { params: DossierParam, body: EvaluationStart },
    response: { status: 201, schema: Evaluation },
    idempotent: true,
  },
  {
    id: 'listEvaluations',
    method: 'GET',
    path: '/dossiers/{dossierId}/evaluations',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: STAFF,
    summary: "The dossier's evaluations, oldest first",
    request: { params: DossierParam },
    response: { status: 200, schema: z.object({ items: z.array(Evaluation) }) },
  },
  {
    id: 'getEvaluation',
    method: 'GET',
    path: '/dossiers/{dossierId}/evaluations/{evaluationId}',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: STAFF,
    summary: 'An evaluation with its sequences and results',
    request: { params: EvaluationParams },
    response: { status: 200, schema: Evaluation },
  },
  {
    id: 'saveEvaluation',
    method: 'PATCH',
    path: '/dossiers/{dossierId}/evaluations/{evaluationId}',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: [R.EVALUATOR],
    summary: 'Autosave sequences and criterion results (only what changed), with optimistic concurrency',
    request: { params: EvaluationParams, body: EvaluationSave },
    response: { status: 200, schema: Evaluation },
  },
  {
    id: 'submitEvaluation',
    method: 'POST',
    path: '/dossiers/{dossierId}/evaluations/{evaluationId}/submit',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: [R.EVALUATOR],
    summary: 'Submit: the outcome (eligible for a jury, or training needed) is computed by the server',
    request: { params: EvaluationParams, body: EvaluationSubmit },
    response: { status: 200, schema: z.object({ evaluation: Evaluation, dossier: Dossier }) },
  },
  {
    id: 'getRestitution',
    method: 'GET',
    path: '/dossiers/{dossierId}/restitution',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: STAFF,
    summary: "The candidate's results, domain by domain, strengths first",
    request: { params: DossierParam },
    response: { status: 200, schema: Restitution },
  },
  {
    id: 'createTrainingPlan',
    method: 'POST',
    path: '/dossiers/{dossierId}/training-plan',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: [R.TRAINER],
    summary:
      'Build the individual training plan from the gaps (the trainer may not have evaluated the candidate)',
    request: {
      params: DossierParam,
      body: TrainingPlanCreate.and(z.object({ organismId: Id, dossierVersion: Version })),
    },
    response: { status: 201, schema: TrainingPlan },
    idempotent: true,
  },
  {
    id: 'getTrainingPlan',
    method: 'GET',
    path: '/dossiers/{dossierId}/training-plan',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: STAFF,
    summary: "The dossier's current training plan",
    request: { params: DossierParam },
    response: { status: 200, schema: TrainingPlan },
  },
  {
    id: 'updateTrainingPlan',
    method: 'PATCH',
    path: '/dossiers/{dossierId}/training-plan',
    lambda: LambdaName.EVALUATIONS,
    scope: 'tenant',
    roles: [R.TRAINER],
    summary: 'Edit the plan and record attendance and progress',
    request: { params: DossierParam, body: TrainingPlanUpdate },
    response: { status: 200, schema: TrainingPlan },
  },
  {
    id: 'getPortfolioPdf',
    method: 'GET',
    path: '/dossiers/{dossierId}/portfolio.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'tenant',
    roles: STAFF,
    summary: 'The portefeuille de compétences (PDF): what the candidate has acquired',
    request: { params: DossierParam },
    response: { status: 200, schema: z.string(), contentType: 'application/pdf' },
  },
] as const satisfies readonly RouteDefinition[];

export { MasteryOut, Restitution, evaluationRoutes };
