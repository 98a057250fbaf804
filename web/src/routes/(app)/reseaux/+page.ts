import { createApi, guarded } from '$lib/api';
import { createDataProtectionApi } from '$lib/api/dataProtection';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:data-protection');
  const cursor = url.searchParams.get('cursor') || undefined;
  const [page, dataProtection] = await Promise.all([
    guarded(url, createApi(fetch).tenants.list({ cursor, limit: 50 })),
    guarded(url, createDataProtectionApi(fetch).settings.get()),
  ]);
  return { tenants: page.items, cursor, nextCursor: page.cursor, dataProtection };
};
