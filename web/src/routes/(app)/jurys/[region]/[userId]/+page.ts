import { error } from '@sveltejs/kit';
import { regions } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

/** There is no route for one member: the region's list is small and holds them. */
export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:jury-member');
  const region = regions.find((r) => r.code === params.region);
  if (!region) error(404, { message: 'Cette région est introuvable.' });
  const api = createApi(fetch);
  const [members, tenants] = await Promise.all([
    guarded(url, api.juries.members(region.code)),
    guarded(url, api.tenants.list({ limit: 100 })),
  ]);
  const member = members.items.find((m) => m.userId === params.userId);
  if (!member) error(404, { message: 'Ce membre du jury est introuvable.' });
  return { region, member, networks: tenants.items.map((t) => ({ id: t.id, name: t.name })) };
};
