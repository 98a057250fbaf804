import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:certificate');
  const certificate = await guarded(url, createApi(fetch).certificates.get(params.code), {
    notFound: 'Ce certificat est introuvable.',
  });
  return { certificate };
};
