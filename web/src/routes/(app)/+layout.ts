import { redirect } from '@sveltejs/kit';
import { createApi, guarded } from '$lib/api';
import { loginPath, session } from '$lib/auth';
import type { LayoutLoad } from './$types';

/** Every page of the app needs a signed-in user: the profile is loaded once here. */
export const load: LayoutLoad = async ({ fetch, url, untrack }) => {
  const here = untrack(() => new URL(url));
  if (!session.isValid) {
    session.clear();
    redirect(307, loginPath(here.pathname + here.search));
  }
  const me = await guarded(here, createApi(fetch).me());
  return { me };
};
