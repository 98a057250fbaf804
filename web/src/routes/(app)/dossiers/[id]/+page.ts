import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:dossier');
  const api = createApi(fetch);
  const [detail, audit, organisms] = await Promise.all([
    guarded(url, api.dossiers.get(params.id), { notFound: 'Ce dossier est introuvable.' }),
    guarded(url, api.dossiers.audit(params.id, { limit: 50 }), { notFound: 'Ce dossier est introuvable.' }),
    guarded(url, api.organisms.list()),
  ]);
  const organism = organisms.items.find((o) => o.id === detail.dossier.organismId);
  return {
    dossier: detail.dossier,
    candidate: detail.candidate,
    organismName: organism?.name ?? 'Organisme inconnu',
    audit: audit.items,
    auditCursor: audit.cursor,
  };
};
