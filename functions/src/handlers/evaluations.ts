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
import { routeOf } from '@socle/contract/routeOf/evaluations';
import { defineRoute } from '../http.ts';

const evaluationHandlers = {
  startEvaluation: defineRoute(routeOf('startEvaluation'), ({ actor, params, body, idempotency }) =>
    startEvaluation(actor, params.dossierId, { dossierVersion: body.dossierVersion, idempotency }),
  ),
  listEvaluations: defineRoute(routeOf('listEvaluations'), async ({ actor, params }) => {
    await getDossier(actor.scope, params.dossierId, actor.organisms, actor.clock.instant());
    const items = await listEvaluations(actor.scope, params.dossierId);
    return { items: items.sort((a, b) => a.id.localeCompare(b.id)) };
  }),
  getEvaluation: defineRoute(routeOf('getEvaluation'), async ({ actor, params }) => {
    await getDossier(actor.scope, params.dossierId, actor.organisms, actor.clock.instant());
    return getEvaluation(actor.scope, params.dossierId, params.evaluationId);
  }),
  saveEvaluation: defineRoute(routeOf('saveEvaluation'), ({ actor, params, body }) =>
    saveEvaluation(actor, params.dossierId, params.evaluationId, body),
  ),
  submitEvaluation: defineRoute(routeOf('submitEvaluation'), ({ actor, params, body }) =>
    submitEvaluation(actor, params.dossierId, params.evaluationId, body),
  ),
  getRestitution: defineRoute(routeOf('getRestitution'), async ({ actor, params }) => {
    const { statuses: _statuses, ...restitution } = await getRestitution(actor, params.dossierId);
    return restitution;
  }),
  createTrainingPlan: defineRoute(routeOf('createTrainingPlan'), ({ actor, params, body, idempotency }) =>
    createTrainingPlan(actor, params.dossierId, body, idempotency),
  ),
  getTrainingPlan: defineRoute(routeOf('getTrainingPlan'), ({ actor, params }) =>
    getTrainingPlan(actor, params.dossierId),
  ),
  updateTrainingPlan: defineRoute(routeOf('updateTrainingPlan'), ({ actor, params, body }) =>
    updateTrainingPlan(actor, params.dossierId, body),
  ),
};

export { evaluationHandlers };
