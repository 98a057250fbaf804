import { certifications } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent, depends }) => {
  depends('app:user');
  const api = createApi(fetch);
  const requests = Promise.all([
    guarded(url, api.users.get(params.id), { notFound: 'Cet utilisateur est introuvable.' }),
    guarded(url, api.organisms.list()),
  ]);
  requests.catch(() => undefined); // awaited below, after the parent's data
  const { me } = await parent();
  const [user, organisms] = await requests;
  return {
    user,
    organisms: organisms.items,
    certifications: me.tenant?.certifications ?? [...certifications],
  };
};
