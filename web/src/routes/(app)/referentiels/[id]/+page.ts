import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:referentiel');
  const referentiel = await guarded(url, createApi(fetch).referentiels.get(params.id), {
    notFound: 'Cette version du référentiel est introuvable.',
  });
  return { referentiel };
};
