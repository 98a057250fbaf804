import { can, createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent, depends }) => {
  depends('app:jury-session');
  const api = createApi(fetch);
  const { me } = await parent();
  // The secretary's view: the region's whole jury, not only the sessions one sits on.
  const secretary = can(me, 'listRegionJuryMembers');
  const notFound = { notFound: 'Cette session est introuvable.' };
  const [detail, pipeline, settings, regionMembers] = await Promise.all([
    guarded(url, api.jury.session(params.id), notFound),
    // The secretary builds the agenda from the region's dossiers not yet on a session.
    can(me, 'listJuryPipeline') ? guarded(url, api.jury.pipeline()) : Promise.resolve(undefined),
    // The rules in force, shown until the session opens (it then keeps its own).
    guarded(url, api.jury.settings()),
    // The region's members, to change who is convened before the session opens.
    secretary ? guarded(url, api.jury.members()) : Promise.resolve(undefined),
  ]);
  return {
    secretary,
    session: detail.session,
    agenda: detail.agenda,
    members: detail.members,
    waiting: pipeline?.items.filter((e) => !e.sessionId) ?? [],
    rules: detail.session.rules ?? settings,
    regionMembers: regionMembers?.items.filter((m) => m.role === 'jury_member' && m.active) ?? [],
  };
};
