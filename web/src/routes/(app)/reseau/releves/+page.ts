import { guarded } from '$lib/api';
import { createStatsApi } from '$lib/api/stats';
import { statementMonths } from '$lib/stats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const { month, options } = statementMonths(url.searchParams);
  const statement = await guarded(url, createStatsApi(fetch).statements.get(month));
  return { statement, months: options };
};
