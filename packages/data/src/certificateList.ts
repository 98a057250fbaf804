/**
 * The certificate register as staff list it: its pages, its total and its CSV export, from one
 * description of the query. The national admin reads a year (gsi2 "certificatesByYear"), a network
 * its own register (gsi3 "certificatesByTenant"); both are sorted by issue day, then code. Region,
 * certification and name are filters.
 */
import {
  EXPORT_MAX_ROWS,
  enforce,
  exportFileName,
  exportSizeVerdict,
  regionToday,
  registerCsv,
  searchTerms,
} from '@socle/domain';
import type { Certificate, ListOrder, Principal } from '@socle/domain';
import { addSearchFilters, countList, readListPage, readWholeList } from './listQuery.ts';
import type { ListQuerySpec, ListTotal } from './listQuery.ts';
import { certificateFromItem } from './entities/certificate.ts';
import { keys } from './keys.ts';

/** The register's criteria, without the page. */
interface RegisterCriteria {
  year: number;
  region?: string;
  certification?: string;
  q?: string;
  order?: ListOrder;
}

const registerSpec = (principal: Principal, criteria: RegisterCriteria): ListQuerySpec => {
  const national = principal.roles.includes('national_admin');
  const spec: ListQuerySpec = {
    ...(national
      ? keys.certificatesByYear(String(criteria.year))
      : keys.certificatesByTenant(principal.tenantId ?? '')),
    filters: [],
    names: {},
    values: {},
    newestFirst: criteria.order !== 'oldest',
  };
  if (criteria.region) {
    spec.filters.push('#region = :region');
    spec.names['#region'] = 'region';
    spec.values[':region'] = criteria.region;
  }
  if (criteria.certification) {
    spec.filters.push('certification = :certification');
    spec.values[':certification'] = criteria.certification;
  }
  if (criteria.q) addSearchFilters(spec, searchTerms(criteria.q));
  return spec;
};

/** One page of the register, with a cursor only when another certificate follows. */
const listRegister = async (
  principal: Principal,
  query: RegisterCriteria & { cursor?: string; limit: number },
): Promise<{ items: Certificate[]; cursor?: string }> => {
  const page = await readListPage(registerSpec(principal, query), query);
  return { items: page.items.map(certificateFromItem), cursor: page.cursor };
};

/** How many certificates the register holds under these criteria (bounded: may be a lower bound). */
const countRegister = (principal: Principal, criteria: RegisterCriteria): Promise<ListTotal> =>
  countList(registerSpec(principal, criteria));

/** Every certificate of the register under these criteria, as a CSV file for Excel. */
const exportRegister = async (
  principal: Principal,
  criteria: RegisterCriteria,
  now: Date,
): Promise<{ bytes: Uint8Array; fileName: string }> => {
  const items = await readWholeList(registerSpec(principal, criteria), EXPORT_MAX_ROWS);
  enforce(exportSizeVerdict(items.length));
  return {
    bytes: new TextEncoder().encode(registerCsv(items.map(certificateFromItem))),
    fileName: exportFileName('registre-des-certificats', regionToday(undefined, now)),
  };
};

export type { RegisterCriteria };
export { countRegister, exportRegister, listRegister, registerSpec };
