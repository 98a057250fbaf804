import { can, createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

/**
 * The region's sessions (a member's own). A session's agenda size is not in the list: a closed session
 * has it in its summary, the others are read one by one without holding the page.
 */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const api = createApi(fetch);
  const { me } = await parent();
  // The secretary's view: the region's whole jury, not only the sessions one sits on.
  const secretary = can(me, 'listRegionJuryMembers');
  const [sessions, members] = await Promise.all([
    guarded(url, api.jury.sessions()),
    secretary ? guarded(url, api.jury.members()) : Promise.resolve(undefined),
  ]);
  const agendaSizes = new Map(
    sessions.items.map((s) => [
      s.id,
      s.summary
        ? Promise.resolve(s.summary.certified + s.summary.adjourned)
        : api.jury.session(s.id).then(
            (d) => d.agenda.length,
            () => undefined,
          ),
    ]),
  );
  return {
    secretary,
    sessions: sessions.items,
    agendaSizes,
    members: members?.items.filter((m) => m.role === 'jury_member' && m.active) ?? [],
  };
};
