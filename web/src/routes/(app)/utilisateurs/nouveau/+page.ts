import { certifications } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const organisms = guarded(url, createApi(fetch).organisms.list());
  const { me } = await parent();
  return {
    organisms: (await organisms).items,
    certifications: me.tenant?.certifications ?? [...certifications],
  };
};
