/**
 * Idempotency of creates. The record is written in the same transaction as the thing it creates,
 * so a retried request either finds the stored response or creates exactly once.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, IdempotencyKeyReusedError } from '@socle/domain';
import { db } from './client.ts';
import { keys } from './keys.ts';
import type { GuardedItem } from './transact.ts';
import { tableName } from './table.ts';

/** How long a key is remembered (a client retrying later than this creates again). */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

interface IdempotencyRequest {
  /** `T#<tenantId>` or `PLATFORM`: keys never collide across tenants. */
  scopeKey: string;
  key: string;
  /** Hash of method, path and body: the same key with another body is refused. */
  requestHash: string;
}

interface StoredResponse {
  statusCode: number;
  body: unknown;
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

const checkStored = (
  request: IdempotencyRequest,
  item: Record<string, unknown> | undefined,
): StoredResponse | undefined => {
  if (!item) return undefined;
  if (item.requestHash !== request.requestHash) throw new IdempotencyKeyReusedError();
  return item.response as StoredResponse;
};

const findStoredResponse = async (request: IdempotencyRequest): Promise<StoredResponse | undefined> => {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.idempotency(request.scopeKey, request.key),
      ConsistentRead: true,
    }),
  );
  return checkStored(request, Item);
};

const idempotencyPut = (request: IdempotencyRequest, response: StoredResponse, now: Date): GuardedItem => ({
  item: {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.idempotency(request.scopeKey, request.key),
        itemType: 'IdempotencyRecord',
        requestHash: request.requestHash,
        response,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  onConditionFailed: (existing) => {
    const stored = checkStored(request, existing);
    return stored ? new IdempotentReplay(stored) : new IdempotencyKeyReusedError();
  },
});

/**
 * Stores a response on its own, after the fact: for a create whose last step happens outside the
 * table (an account invited in Cognito), so that a retry replays a 201 only once that step succeeded.
 */
const storeIdempotentResponse = async (request: IdempotencyRequest, response: StoredResponse, now: Date) => {
  const { item } = idempotencyPut(request, response, now);
  await db().send(
    new PutCommand({
      ...(item.Put as ConstructorParameters<typeof PutCommand>[0]),
      ConditionExpression: undefined,
    }),
  );
};

export type { IdempotencyRequest, StoredResponse };
export {
  IDEMPOTENCY_TTL_SECONDS,
  IdempotentReplay,
  findStoredResponse,
  idempotencyPut,
  storeIdempotentResponse,
};
