import { createApi, guarded, referentielOf } from '$lib/api';
import type { PageLoad } from './$types';

/** The restitution, and the référentiel version of the dossier for the wording and order of the criteria. */
export const load: PageLoad = async ({ fetch, url, params }) => {
  const api = createApi(fetch);
  const notFound = { notFound: 'Ce dossier est introuvable.' };
  const detail = guarded(url, api.dossiers.get(params.id), notFound);
  const [restitution, referentiel] = await Promise.all([
    guarded(url, api.dossiers.restitution(params.id), {
      notFound: "Aucune restitution : l'évaluation de ce candidat n'a pas encore été validée.",
    }),
    detail.then((d) => guarded(url, referentielOf(d.dossier.referentielId, fetch))),
  ]);
  return { restitution, referentiel };
};
