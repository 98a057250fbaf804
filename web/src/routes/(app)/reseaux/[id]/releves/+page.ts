import { createApi, guarded } from '$lib/api';
import { createStatsApi } from '$lib/api/stats';
import { statementMonths } from '$lib/stats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params }) => {
  const { month, options } = statementMonths(url.searchParams);
  const notFound = 'Ce réseau est introuvable.';
  const [tenant, statement] = await Promise.all([
    guarded(url, createApi(fetch).tenants.get(params.id), { notFound }),
    guarded(url, createStatsApi(fetch).statements.get(month, params.id), { notFound }),
  ]);
  return { tenant, statement, months: options };
};
