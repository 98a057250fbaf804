import { error } from '@sveltejs/kit';
import { regions } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:jury-members');
  const region = regions.find((r) => r.code === params.region);
  if (!region) error(404, { message: 'Cette région est introuvable.' });
  const api = createApi(fetch);
  const [members, tenants] = await Promise.all([
    guarded(url, api.juries.members(region.code)),
    guarded(url, api.tenants.list({ limit: 100 })),
  ]);
  return {
    region,
    members: members.items,
    networks: tenants.items.map((t) => ({ id: t.id, name: t.name })),
  };
};
