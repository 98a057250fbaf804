import { guarded } from '$lib/api';
import { createStatsApi } from '$lib/api/stats';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:fees');
  const fees = await guarded(url, createStatsApi(fetch).fees.list());
  return { schedules: fees.items, defaults: fees.defaults };
};
