import { RegionCode, certifications } from '@socle/domain';
import type { Certification } from '@socle/domain';
import { createApi, guarded } from '$lib/api';
import { listCalls } from '$lib/api/lists';
import { orderFrom } from '$lib/lists';
import type { PageLoad } from './$types';

const PAGE_SIZE = 25;
const FIRST_YEAR = 2015;

/** Filters read from the URL; values the API would refuse are dropped rather than failing the page. */
const filtersFrom = (params: URLSearchParams, national: boolean) => {
  const thisYear = new Date().getUTCFullYear();
  const year = Number(params.get('year'));
  const region = params.get('region') ?? '';
  const certification = params.get('certification') ?? '';
  return {
    year: national
      ? Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear
        ? year
        : thisYear
      : undefined,
    region: RegionCode.safeParse(region).success ? region : undefined,
    certification: (certifications as readonly string[]).includes(certification)
      ? (certification as Certification)
      : undefined,
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    order: orderFrom(params),
    cursor: params.get('cursor') || undefined,
  };
};

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  // The register is the caller's network's; a caller of no network (the national admin) reads it all, by year.
  const national = !me.tenant;
  const filters = filtersFrom(url.searchParams, national);
  const { cursor: _cursor, ...criteria } = filters;
  const [page, total] = await Promise.all([
    guarded(url, createApi(fetch).certificates.list({ ...filters, limit: PAGE_SIZE })),
    // The total is a plus: the register still shows when it cannot be read.
    listCalls(fetch)
      .registerTotal(criteria, { reuse: Boolean(filters.cursor) })
      .catch(() => undefined),
  ]);
  const thisYear = new Date().getUTCFullYear();
  return {
    national,
    filters,
    pageSize: PAGE_SIZE,
    total,
    years: Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i),
    certificates: page.items,
    nextCursor: page.cursor,
  };
};
