/**
 * A network (`T#<tenantId>` / `TENANT`), managed by the national admin. Index: gsi1 "tenantsByName"
 * (the national admin's list). Keys: keys.ts (`tenant`, `tenantsByName`).
 */
import { Tenant } from '@socle/domain';
import type * as z from 'zod';
import { INDEXES } from '../table.ts';
import { itemReader } from './storedItem.ts';

const tenantIndexes = { byName: INDEXES.tenantsByName } as const;

/** Stored as the API describes it: nothing storage-only besides the keys. */
const TenantItem = Tenant;
type StoredTenant = z.output<typeof TenantItem>;

const tenantFromItem = itemReader('tenant', TenantItem);

export type { StoredTenant };
export { TenantItem, tenantFromItem, tenantIndexes };
