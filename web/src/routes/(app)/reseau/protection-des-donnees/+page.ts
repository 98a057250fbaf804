import { guarded } from '$lib/api';
import { createDataProtectionApi } from '$lib/api/dataProtection';
import type { PageLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:due-erasures');
  const cursor = url.searchParams.get('cursor') || undefined;
  const page = await guarded(url, createDataProtectionApi(fetch).dueErasures({ cursor, limit: PAGE_SIZE }));
  return {
    cursor,
    retentionYears: page.retentionYears,
    candidates: page.items,
    nextCursor: page.cursor,
  };
};
