/**
 * An idempotency record (`<scope>#IDEM#<routeId>#<userId>#<key>` / `IDEM`, the scope being the
 * tenant's partition or `PLATFORM`): the request's hash and the response to replay, kept 24 h
 * (`expiresAt`, TTL). Written in the transaction of the create it answers. Keys: keys.ts
 * (`idempotencyScope`, `idempotency`).
 */
import * as z from 'zod';
import { itemReader } from './storedItem.ts';

const StoredResponseSchema = z.object({ statusCode: z.number().int(), body: z.unknown() });
type StoredResponse = z.output<typeof StoredResponseSchema>;

const IdempotencyRecordItem = z.object({ requestHash: z.string(), response: StoredResponseSchema });
type StoredIdempotencyRecord = z.output<typeof IdempotencyRecordItem>;

const idempotencyRecordFromItem = itemReader('idempotency record', IdempotencyRecordItem);

export type { StoredIdempotencyRecord, StoredResponse };
export { IdempotencyRecordItem, idempotencyRecordFromItem };
