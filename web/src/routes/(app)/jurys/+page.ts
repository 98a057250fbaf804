import { regions } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import { collegeCounts } from '$lib/jury';
import type { PageLoad } from './$types';

interface RegionCounts {
  secretaries: number;
  employer: number;
  employee: number;
}

/**
 * The 18 regions render at once; each region's counts arrive on their own (one request per region, not
 * awaited here), and a region whose request failed shows no figure rather than failing the page.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = createApi(fetch);
  const countsOf = (region: string): Promise<RegionCounts | undefined> =>
    api.juries.members(region).then(
      ({ items }) => {
        const active = items.filter((m) => m.active);
        return {
          secretaries: active.filter((m) => m.role === 'jury_secretary').length,
          ...collegeCounts(active.filter((m) => m.role === 'jury_member')),
        };
      },
      () => undefined,
    );
  // Quorum and majority of every jury: the national admin's setting.
  const settings = await guarded(url, api.jury.settings());
  return { regions: regions.map((r) => ({ ...r, counts: countsOf(r.code) })), settings };
};
