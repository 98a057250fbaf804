/** Evaluations, restitution and training plans of the caller's network. */
import {
  createTrainingPlan,
  getEvaluation,
  getDossier,
  getRestitution,
  getTrainingPlan,
  listEvaluations,
  saveEvaluation,
  startEvaluation,
  submitEvaluation,
  updateTrainingPlan,
} from '@socle/data';
import { organismRestriction } from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/evaluations';
import { defineRoute } from '../http.ts';

const evaluationHandlers = {
  startEvaluation: defineRoute(
    routeOf('startEvaluation'),
    ({ scope, ctx, principal, params, body, idempotency }) =>
      startEvaluation(scope, ctx, params.dossierId, {
        dossierVersion: body.dossierVersion,
        organisms: organismRestriction(principal),
        idempotency,
      }),
  ),
  listEvaluations: defineRoute(routeOf('listEvaluations'), async ({ scope, principal, params }) => {
    await getDossier(scope, params.dossierId, organismRestriction(principal));
    const items = await listEvaluations(scope, params.dossierId);
    return { items: items.sort((a, b) => a.id.localeCompare(b.id)) };
  }),
  getEvaluation: defineRoute(routeOf('getEvaluation'), async ({ scope, principal, params }) => {
    await getDossier(scope, params.dossierId, organismRestriction(principal));
    return getEvaluation(scope, params.dossierId, params.evaluationId);
  }),
  saveEvaluation: defineRoute(routeOf('saveEvaluation'), ({ scope, ctx, principal, params, body }) =>
    saveEvaluation(scope, ctx, params.dossierId, params.evaluationId, organismRestriction(principal), body),
  ),
  submitEvaluation: defineRoute(routeOf('submitEvaluation'), ({ scope, ctx, principal, params, body }) =>
    submitEvaluation(scope, ctx, params.dossierId, params.evaluationId, organismRestriction(principal), body),
  ),
  getRestitution: defineRoute(routeOf('getRestitution'), async ({ scope, principal, params }) => {
    const { statuses: _statuses, ...restitution } = await getRestitution(
      scope,
      params.dossierId,
      organismRestriction(principal),
    );
    return restitution;
  }),
  createTrainingPlan: defineRoute(
    routeOf('createTrainingPlan'),
    ({ scope, ctx, principal, params, body, idempotency }) =>
      createTrainingPlan(scope, ctx, params.dossierId, organismRestriction(principal), body, idempotency),
  ),
  getTrainingPlan: defineRoute(routeOf('getTrainingPlan'), ({ scope, principal, params }) =>
    getTrainingPlan(scope, params.dossierId, organismRestriction(principal)),
  ),
  updateTrainingPlan: defineRoute(routeOf('updateTrainingPlan'), ({ scope, ctx, principal, params, body }) =>
    updateTrainingPlan(scope, ctx, params.dossierId, organismRestriction(principal), body),
  ),
};

export { evaluationHandlers };
