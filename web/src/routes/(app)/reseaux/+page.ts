import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const cursor = url.searchParams.get('cursor') || undefined;
  const page = await guarded(url, createApi(fetch).tenants.list({ cursor, limit: 50 }));
  return { tenants: page.items, cursor, nextCursor: page.cursor };
};
