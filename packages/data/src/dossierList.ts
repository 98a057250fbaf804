/**
 * What the dossiers list, its total and its export read: the most selective index partition
 * (organism, then status, then the whole network), the other criteria as filters, one order.
 */
import { DEFAULT_LIMITS, EXPIRABLE, addMonths, asOfToday, regionToday, searchTerms } from '@socle/domain';
import type { Dossier, DossierListQuery } from '@socle/domain';
import { keys } from './keys.ts';
import { addSearchFilters } from './listQuery.ts';
import type { ListQuerySpec } from './listQuery.ts';
import type { TenantReach } from './scope.ts';

/** The list's criteria, without the page (the total and the export read every page). */
type DossierListCriteria = Omit<DossierListQuery, 'cursor' | 'limit'>;

const dossierListSpec = (
  /** The reader: its network, its organisms if organism-bound (undefined for network-wide staff), its day. */
  { scope, organisms, clock }: TenantReach,
  query: DossierListCriteria,
): ListQuerySpec => {
  const source = query.organismId
    ? keys.dossiersByOrganism(scope, query.organismId)
    : query.status
      ? keys.dossiersByStatus(scope, query.status)
      : keys.dossiersByTenant(scope);
  const spec: ListQuerySpec = {
    index: source.index,
    pk: source.pk,
    filters: [],
    names: {},
    values: {},
    newestFirst: query.order !== 'oldest',
  };
  if (query.organismId && query.status) {
    spec.filters.push('#status = :status');
    spec.names['#status'] = 'status';
    spec.values[':status'] = query.status;
  }
  if (organisms) {
    // Organism-bound staff: dossiers evaluated or trained in one of their organisms, whatever the filters.
    const placeholders = organisms
      .map((o, i) => {
        spec.values[`:org${i}`] = o;
        return `:org${i}`;
      })
      .join(', ');
    spec.filters.push(
      placeholders
        ? `(organismId IN (${placeholders}) OR trainingOrganismId IN (${placeholders}))`
        : 'attribute_not_exists(pk)',
    );
  }
  if (query.deadline === 'soon') {
    // The default warning period; a version with another one differs by a few weeks at most.
    const expirable = EXPIRABLE.map((status, i) => {
      spec.values[`:exp${i}`] = status;
      return `:exp${i}`;
    }).join(', ');
    spec.filters.push(`deadline <= :soon AND #lifecycle IN (${expirable})`);
    spec.names['#lifecycle'] = 'status';
    spec.values[':soon'] = addMonths(clock.now().slice(0, 10), DEFAULT_LIMITS.warningMonths);
  }
  if (query.q) addSearchFilters(spec, searchTerms(query.q));
  // Erased dossiers stay in the indexes for the statistics, not in the lists.
  spec.filters.push('attribute_not_exists(erasedAt)');
  return spec;
};

/** A listed dossier as it stands on its region's day (past its deadline it reads as expired). */
const listedDossier = (dossier: Dossier, now: Date): Dossier =>
  asOfToday(dossier, regionToday(dossier.region, now));

export type { DossierListCriteria };
export { dossierListSpec, listedDossier };
