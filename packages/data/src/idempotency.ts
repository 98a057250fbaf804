/**
 * Idempotency of creates. The record is written in the same transaction as the thing it creates,
 * so a retried request either finds the stored response or creates exactly once. A record belongs
 * to one user on one route: the same key sent by someone else, or on another route, is a request of
 * its own, never a replay of another person's response. A record past `expiresAt` (which DynamoDB's
 * TTL removes only eventually) is as good as gone.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, IdempotencyKeyReusedError } from '@socle/domain';
import { db } from './client.ts';
import { idempotencyRecordFromItem } from './entities/idempotencyRecord.ts';
import type { StoredResponse } from './entities/idempotencyRecord.ts';
import { keys } from './keys.ts';
import type { GuardedItem } from './transact.ts';
import { tableName } from './table.ts';

/** How long a key is remembered (a client retrying later than this creates again). */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

interface IdempotencyRequest {
  /** `T#<tenantId>` or `PLATFORM`: keys never collide across tenants. */
  scopeKey: string;
  /** Who sent the key (the token's user). */
  userId: string;
  /** The route it was sent on (route table id). */
  routeId: string;
  key: string;
  /** Hash of method, path and body: the same key with another body is refused. */
  requestHash: string;
}

/** Thrown inside a create when another request with the same key won the race. */
class IdempotentReplay extends DomainError {
  readonly response: StoredResponse;
  constructor(response: StoredResponse) {
    super('idempotent replay');
    this.name = 'IdempotentReplay';
    this.response = response;
  }
}

/** The record's key: the caller's own, on this route, within the tenant's partition prefix. */
const recordKey = (request: IdempotencyRequest) =>
  keys.idempotency(request.scopeKey, `${request.routeId}#${request.userId}#${request.key}`);

const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

const checkStored = (
  request: IdempotencyRequest,
  item: Record<string, unknown> | undefined,
  now: Date,
): StoredResponse | undefined => {
  if (!item) return undefined;
  if (typeof item.expiresAt === 'number' && item.expiresAt <= nowSeconds(now)) return undefined;
  const record = idempotencyRecordFromItem(item);
  if (record.requestHash !== request.requestHash) throw new IdempotencyKeyReusedError();
  return record.response;
};

const findStoredResponse = async (
  request: IdempotencyRequest,
  now = new Date(),
): Promise<StoredResponse | undefined> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: recordKey(request), ConsistentRead: true }),
  );
  return checkStored(request, Item, now);
};

const idempotencyPut = (request: IdempotencyRequest, response: StoredResponse, now: Date): GuardedItem => ({
  item: {
    Put: {
      TableName: tableName(),
      Item: {
        ...recordKey(request),
        itemType: 'IdempotencyRecord',
        requestHash: request.requestHash,
        response,
        expiresAt: nowSeconds(now) + IDEMPOTENCY_TTL_SECONDS,
      },
      // An expired record not yet removed by TTL is replaced.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': nowSeconds(now) },
    },
  },
  onConditionFailed: (existing) => {
    const stored = checkStored(request, existing, now);
    return stored ? new IdempotentReplay(stored) : new IdempotencyKeyReusedError();
  },
});

/**
 * Stores a response on its own, after the fact: for a create whose last step happens outside the
 * table (an account invited in Cognito), so that a retry replays a 201 only once that step succeeded.
 */
const storeIdempotentResponse = async (request: IdempotencyRequest, response: StoredResponse, now: Date) => {
  const { item } = idempotencyPut(request, response, now);
  // Unconditional: this request created the thing, so the record is its own.
  const {
    ConditionExpression: _c,
    ExpressionAttributeValues: _v,
    ...put
  } = item.Put as ConstructorParameters<typeof PutCommand>[0];
  await db().send(new PutCommand(put));
};

export type { IdempotencyRequest, StoredResponse };
export {
  IDEMPOTENCY_TTL_SECONDS,
  IdempotentReplay,
  findStoredResponse,
  idempotencyPut,
  storeIdempotentResponse,
};
