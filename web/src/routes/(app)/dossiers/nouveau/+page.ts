import { error } from '@sveltejs/kit';
import { can, createApi, guarded, isReadOnly } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const organisms = guarded(url, createApi(fetch).organisms.list());
  organisms.catch(() => undefined); // awaited below; avoids an unhandled rejection if we fail first
  const referentiels = guarded(url, createApi(fetch).referentiels.list());
  referentiels.catch(() => undefined);
  const { me } = await parent();
  if (!can(me, 'openDossier')) error(403, { message: 'Seuls les conseillers peuvent ouvrir un dossier.' });
  if (isReadOnly(me))
    error(403, { message: 'Votre réseau est suspendu : aucun dossier ne peut être ouvert.' });
  // The dossier is opened in one of the advisor's own organisms that evaluates.
  const evaluating = (await organisms).items.filter(
    (o) => o.active && o.capabilities.includes('evaluation') && me.organisms.includes(o.id),
  );
  // A certification opens only under a published référentiel: the others are named, not offered.
  const published = new Set((await referentiels).items.filter((r) => r.current).map((r) => r.certification));
  const habilitated = me.tenant?.certifications ?? [];
  return {
    organisms: evaluating,
    certifications: habilitated.filter((c) => published.has(c)),
    awaitingReferentiel: habilitated.filter((c) => !published.has(c)),
  };
};
