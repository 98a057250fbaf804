import type { Grouping } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import { createStatsApi } from '$lib/api/stats';
import { filtersFrom } from '$lib/stats';
import type { PageLoad } from './$types';

/** The table's groupings, the default first: by region, the map's figures as a table. */
const GROUPINGS: readonly Grouping[] = ['region', 'network', 'certification', 'month', 'quarter', 'year'];

export const load: PageLoad = async ({ fetch, url }) => {
  const filters = filtersFrom(url.searchParams, GROUPINGS);
  const stats = createStatsApi(fetch);
  const { groupBy, ...scope } = filters;
  const monthly = stats.volumes({ ...scope, groupBy: 'month' });
  const grouped = groupBy === 'month' ? monthly : stats.volumes({ ...scope, groupBy });
  // The map shows every region, the one filtered to included, so it can be changed from there.
  const byRegion =
    groupBy === 'region' && !scope.region
      ? grouped
      : stats.volumes({ ...scope, region: undefined, groupBy: 'region' });
  const [monthlyVolumes, groupedVolumes, regionVolumes, tenants] = await Promise.all([
    guarded(url, monthly),
    guarded(url, grouped),
    guarded(url, byRegion),
    guarded(url, createApi(fetch).tenants.list({ limit: 100 })),
  ]);
  return {
    filters,
    groupings: GROUPINGS,
    monthly: monthlyVolumes,
    grouped: groupedVolumes,
    byRegion: regionVolumes,
    networks: tenants.items.map((t) => ({ id: t.id, name: t.name })),
  };
};
