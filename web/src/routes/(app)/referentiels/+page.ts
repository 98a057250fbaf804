import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:referentiels');
  const { items } = await guarded(url, createApi(fetch).referentiels.list());
  return { referentiels: items };
};
