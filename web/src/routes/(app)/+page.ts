import { redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/nav';
import type { PageLoad } from './$types';

/** `/` leads to the first page relevant to the user's roles. */
export const load: PageLoad = async ({ parent }) => {
  const { me } = await parent();
  const home = homeFor(me);
  if (home) redirect(307, home);
  return {};
};
