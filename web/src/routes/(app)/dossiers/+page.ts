import { Id, dossierStatuses } from '@socle/domain';
import type { DossierStatus } from '@socle/domain';
import { createApi, guarded, referentielOf } from '$lib/api';
import { listCalls } from '$lib/api/lists';
import { orderFrom } from '$lib/lists';
import type { PageLoad } from './$types';

const PAGE_SIZE = 25;

/** Filters read from the URL; values the API would refuse are dropped rather than failing the page. */
const filtersFrom = (params: URLSearchParams) => {
  const status = params.get('status') ?? '';
  const organismId = params.get('organismId') ?? '';
  return {
    status: (dossierStatuses as readonly string[]).includes(status) ? (status as DossierStatus) : undefined,
    organismId: Id.safeParse(organismId).success ? organismId : undefined,
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    deadline: params.get('deadline') === 'soon' ? ('soon' as const) : undefined,
    order: orderFrom(params),
    cursor: params.get('cursor') || undefined,
  };
};

export const load: PageLoad = async ({ fetch, url }) => {
  const api = createApi(fetch);
  const filters = filtersFrom(url.searchParams);
  const { cursor: _cursor, ...criteria } = filters;
  const [dossiers, organisms, total] = await Promise.all([
    guarded(url, api.dossiers.list({ ...filters, limit: PAGE_SIZE })),
    guarded(url, api.organisms.list()),
    // The total is a plus: the list still shows when it cannot be read.
    listCalls(fetch)
      .dossierTotal(criteria, { reuse: Boolean(filters.cursor) })
      .catch(() => undefined),
  ]);
  // The warning period before a deadline belongs to each dossier's référentiel version (usually one).
  const versions = [...new Set(dossiers.items.filter((d) => d.deadline).map((d) => d.referentielId))];
  const warnings = await Promise.all(
    versions.map((id) =>
      referentielOf(id, fetch).then(
        (r) => [id, r.limits.warningMonths] as const,
        () => [id, undefined] as const,
      ),
    ),
  );
  return {
    filters,
    pageSize: PAGE_SIZE,
    total,
    dossiers: dossiers.items,
    nextCursor: dossiers.cursor,
    organisms: organisms.items,
    warningMonths: Object.fromEntries(warnings) as Record<string, number | undefined>,
  };
};
