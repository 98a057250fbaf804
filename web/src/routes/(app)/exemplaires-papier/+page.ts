import { createApi, guarded } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:paper-copies');
  const api = createApi(fetch);
  const [toPrint, toSend] = await Promise.all([
    guarded(url, api.certificates.paperCopies('requested')),
    guarded(url, api.certificates.paperCopies('printed')),
  ]);
  return { toPrint: toPrint.items, toSend: toSend.items };
};
