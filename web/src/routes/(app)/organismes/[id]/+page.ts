import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:organism');
  const organism = await guarded(url, createApi(fetch).organisms.get(params.id), {
    notFound: 'Cet organisme est introuvable.',
  });
  return { organism };
};
