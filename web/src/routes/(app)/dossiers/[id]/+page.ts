import { createApi, guarded, referentielOf } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:dossier');
  const api = createApi(fetch);
  const notFound = { notFound: 'Ce dossier est introuvable.' };
  const detailP = guarded(url, api.dossiers.get(params.id), notFound);
  const [detail, audit, organisms, limits] = await Promise.all([
    detailP,
    guarded(url, api.dossiers.audit(params.id, { limit: 50 }), notFound),
    guarded(url, api.organisms.list()),
    // The warning period before the deadline is a setting of the dossier's référentiel version.
    detailP.then((d) =>
      d.dossier.deadline
        ? referentielOf(d.dossier.referentielId, fetch).then(
            (r) => r.limits,
            () => undefined,
          )
        : undefined,
    ),
  ]);
  const nameOf = (id: string | null | undefined) => organisms.items.find((o) => o.id === id)?.name;
  return {
    dossier: detail.dossier,
    candidate: detail.candidate,
    organismName: nameOf(detail.dossier.organismId) ?? 'Organisme inconnu',
    trainingOrganismName: nameOf(detail.dossier.trainingOrganismId),
    trainingOrganisms: organisms.items.filter((o) => o.capabilities.includes('training') && o.active),
    warningMonths: limits?.warningMonths,
    audit: audit.items,
    auditCursor: audit.cursor,
  };
};
