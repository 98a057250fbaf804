import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:tenant');
  const api = createApi(fetch);
  const notFound = 'Ce réseau est introuvable.';
  const [tenant, admins] = await Promise.all([
    guarded(url, api.tenants.get(params.id), { notFound }),
    guarded(url, api.tenants.admins(params.id), { notFound }),
  ]);
  return { tenant, admins: admins.items };
};
