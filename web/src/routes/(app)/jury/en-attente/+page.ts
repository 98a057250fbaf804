import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = createApi(fetch);
  const [pipeline, sessions] = await Promise.all([
    guarded(url, api.jury.pipeline()),
    guarded(url, api.jury.sessions()),
  ]);
  return { pipeline: pipeline.items, sessions: sessions.items };
};
