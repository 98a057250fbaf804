import { redirect } from '@sveltejs/kit';
import { safeReturnTo, session } from '$lib/auth';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => {
  const returnTo = safeReturnTo(url.searchParams.get('retour'));
  if (session.isValid) redirect(307, returnTo);
  return { returnTo, expired: url.searchParams.has('retour') };
};
