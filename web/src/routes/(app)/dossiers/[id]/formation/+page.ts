import { ApiError, createApi, guarded, referentielOf } from '$lib/api';
import type { PageLoad } from './$types';

/** The dossier, its plan (none yet is not an error), the gaps from the restitution, and the organisms. */
export const load: PageLoad = async ({ fetch, url, params, depends, parent }) => {
  depends('app:training-plan');
  const api = createApi(fetch);
  const notFound = { notFound: 'Ce dossier est introuvable.' };
  const detail = guarded(url, api.dossiers.get(params.id), notFound);
  const noPlanYet = (e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return undefined;
    throw e;
  };
  const [{ dossier, candidate }, plan, restitution, organisms, referentiel, { me }] = await Promise.all([
    detail,
    guarded(url, api.trainingPlans.get(params.id).catch(noPlanYet)),
    guarded(url, api.dossiers.restitution(params.id), {
      notFound: "Pas encore de plan de formation : l'évaluation préalable de ce candidat n'est pas validée.",
    }),
    guarded(url, api.organisms.list()),
    detail.then((d) => guarded(url, referentielOf(d.dossier.referentielId, fetch))),
    parent(),
  ]);
  // The trainer builds the plan in one of their own organisms that trains.
  const trainingOrganisms = organisms.items.filter(
    (o) => o.active && o.capabilities.includes('training') && me.organisms.includes(o.id),
  );
  return {
    dossier,
    candidate,
    plan,
    gaps: restitution.mastery.gaps,
    referentiel,
    organisms: organisms.items,
    trainingOrganisms,
  };
};
