/**
 * An organism of a network (`T#<tenantId>` / `ORG#<id>`: the tenant's item collection, read whole by
 * `organismsPrefix`). Keys: keys.ts (`organism`, `organismsPrefix`).
 */
import { Organism } from '@socle/domain';
import type * as z from 'zod';
import { itemReader } from './storedItem.ts';

const OrganismItem = Organism;
type StoredOrganism = z.output<typeof OrganismItem>;

const organismFromItem = itemReader('organism', OrganismItem);

export type { StoredOrganism };
export { OrganismItem, organismFromItem };
