import { createApi, guarded, referentielOf } from '$lib/api';
import type { PageLoad } from './$types';

/**
 * The evaluation, the dossier, its référentiel version (the dossier names it) and its training plan,
 * without waiting in line.
 */
export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:evaluation');
  const api = createApi(fetch);
  const notFound = { notFound: 'Cette évaluation est introuvable.' };
  const detail = guarded(url, api.dossiers.get(params.id), { notFound: 'Ce dossier est introuvable.' });
  // A final evaluation covers the plan's criteria and warns when its hours are not done: the plan
  // is read along (a dossier trained before plans were required may have none).
  const plan = detail.then((d) =>
    d.dossier.trainingPlanId ? api.trainingPlans.get(params.id).catch(() => undefined) : undefined,
  );
  const [evaluation, { dossier, candidate }, referentiel, trainingPlan] = await Promise.all([
    guarded(url, api.evaluations.get(params.id, params.evaluationId), notFound),
    detail,
    detail.then((d) => guarded(url, referentielOf(d.dossier.referentielId, fetch))),
    plan,
  ]);
  return { evaluation, dossier, candidate, referentiel, trainingPlan };
};
