import { createApi, guarded, referentielOf } from '$lib/api';
import type { PageLoad } from './$types';

/** The evaluation, the dossier and its référentiel version (the dossier names it), without waiting in line. */
export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:evaluation');
  const api = createApi(fetch);
  const notFound = { notFound: 'Cette évaluation est introuvable.' };
  const detail = guarded(url, api.dossiers.get(params.id), { notFound: 'Ce dossier est introuvable.' });
  const [evaluation, { dossier, candidate }, referentiel] = await Promise.all([
    guarded(url, api.evaluations.get(params.id, params.evaluationId), notFound),
    detail,
    detail.then((d) => guarded(url, referentielOf(d.dossier.referentielId, fetch))),
  ]);
  return { evaluation, dossier, candidate, referentiel };
};
