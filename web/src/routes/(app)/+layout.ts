import { redirect } from '@sveltejs/kit';
import { createApi, guarded } from '$lib/api';
import { loginPath, renewSession, session } from '$lib/auth';
import type { LayoutLoad } from './$types';

/** Every page of the app needs a signed-in user: the profile is loaded once here. */
export const load: LayoutLoad = async ({ fetch, url, untrack }) => {
  const here = untrack(() => new URL(url));
  // An expired access token is renewed silently while the refresh token lasts (a tab left open).
  if (!session.isValid && !(await renewSession())) {
    session.clear();
    redirect(307, loginPath(here.pathname + here.search));
  }
  const me = await guarded(here, createApi(fetch).me());
  return { me };
};
