import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = createApi(fetch);
  const [users, organisms] = await Promise.all([
    guarded(url, api.users.list()),
    guarded(url, api.organisms.list()),
  ]);
  return {
    users: users.items.toSorted((a, b) => a.lastName.localeCompare(b.lastName, 'fr')),
    organisms: organisms.items,
  };
};
