import type { Grouping } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import { createStatsApi } from '$lib/api/stats';
import { filtersFrom } from '$lib/stats';
import type { PageLoad } from './$types';

const GROUPINGS: readonly Grouping[] = ['month', 'quarter', 'year', 'certification'];

export const load: PageLoad = async ({ fetch, url }) => {
  // The API forces the secretary's region: only the period and the certification are chosen here.
  const { region: _r, tenantId: _t, organismId: _o, ...filters } = filtersFrom(url.searchParams, GROUPINGS);
  const stats = createStatsApi(fetch);
  const { groupBy, ...scope } = filters;
  const monthly = stats.volumes({ ...scope, groupBy: 'month' });
  const grouped = groupBy === 'month' ? monthly : stats.volumes({ ...scope, groupBy });
  const [pipeline, monthlyVolumes, groupedVolumes] = await Promise.all([
    guarded(url, createApi(fetch).jury.pipeline()),
    guarded(url, monthly),
    guarded(url, grouped),
  ]);
  return {
    filters,
    groupings: GROUPINGS,
    pipeline: pipeline.items,
    monthly: monthlyVolumes,
    grouped: groupedVolumes,
  };
};
