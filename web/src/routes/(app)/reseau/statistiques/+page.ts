import type { Grouping } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import { createStatsApi } from '$lib/api/stats';
import { filtersFrom } from '$lib/stats';
import type { PageLoad } from './$types';

/** The table's groupings, the default first: the network's organisms. */
const GROUPINGS: readonly Grouping[] = ['organism', 'certification', 'month', 'quarter', 'year'];

export const load: PageLoad = async ({ fetch, url }) => {
  const { region: _region, tenantId: _tenantId, ...filters } = filtersFrom(url.searchParams, GROUPINGS);
  const stats = createStatsApi(fetch);
  const { groupBy, ...scope } = filters;
  const monthly = stats.volumes({ ...scope, groupBy: 'month' });
  const grouped = groupBy === 'month' ? monthly : stats.volumes({ ...scope, groupBy });
  const [monthlyVolumes, groupedVolumes, organisms] = await Promise.all([
    guarded(url, monthly),
    guarded(url, grouped),
    guarded(url, createApi(fetch).organisms.list()),
  ]);
  return {
    filters,
    groupings: GROUPINGS,
    monthly: monthlyVolumes,
    grouped: groupedVolumes,
    organisms: organisms.items
      .map((o) => ({ id: o.id, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
};
