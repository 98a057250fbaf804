import { createApi, guarded, hasRole } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent, depends }) => {
  depends('app:jury-session');
  const api = createApi(fetch);
  const { me } = await parent();
  const secretary = hasRole(me, 'jury_secretary');
  const notFound = { notFound: 'Cette session est introuvable.' };
  const [detail, pipeline] = await Promise.all([
    guarded(url, api.jury.session(params.id), notFound),
    // The secretary builds the agenda from the region's dossiers not yet on a session.
    secretary ? guarded(url, api.jury.pipeline()) : Promise.resolve(undefined),
  ]);
  return {
    secretary,
    session: detail.session,
    agenda: detail.agenda,
    members: detail.members,
    waiting: pipeline?.items.filter((e) => !e.sessionId) ?? [],
  };
};
