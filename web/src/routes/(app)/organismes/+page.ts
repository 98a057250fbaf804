import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:organisms');
  const { items } = await guarded(url, createApi(fetch).organisms.list());
  return { organisms: items.toSorted((a, b) => a.name.localeCompare(b.name, 'fr')) };
};
