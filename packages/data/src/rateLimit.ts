/**
 * A fixed-window rate limit kept in DynamoDB, so it holds across Lambda instances: one counter item
 * per client and window (`RATE#<bucket>#<window>#<client>`), incremented atomically, expired by TTL.
 * Also a lock on a subject (`RATE#lock#<bucket>#<subject>`, e.g. a certificate whose holder's name
 * was missed too often), under the same `RATE#` prefix the public function may write.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

interface RateLimitOptions {
  /** What is limited (e.g. `verify`); limits of different buckets do not mix. */
  bucket: string;
  /** Who is limited: a hash of the client address, never the address itself. */
  client: string;
  limit: number;
  windowSeconds: number;
  now: Date;
}

type RateLimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit in the current window: the window's hits so far (this one included), the seconds
 * left in the window and its end (ISO instant).
 */
const countHit = async ({ bucket, client, windowSeconds, now }: Omit<RateLimitOptions, 'limit'>) => {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const window = Math.floor(nowSeconds / windowSeconds);
  const windowEnd = (window + 1) * windowSeconds;
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.rateLimitWindow(bucket, window, client),
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires), itemType = :type',
      ExpressionAttributeValues: { ':one': 1, ':expires': windowEnd + 60, ':type': 'RateCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return {
    hits: Number(Attributes?.hits ?? 1),
    retryAfterSeconds: Math.max(1, windowEnd - nowSeconds),
    windowEnd: new Date(windowEnd * 1000).toISOString(),
  };
};

const consumeRateLimit = async ({ limit, ...options }: RateLimitOptions): Promise<RateLimitResult> => {
  const { hits, retryAfterSeconds } = await countHit(options);
  return hits <= limit ? { allowed: true, remaining: limit - hits } : { allowed: false, retryAfterSeconds };
};

const lockKey = keys.rateLimitLock;

/** The end of a subject's lock (ISO instant), if one was set and TTL has not removed it yet. */
const findLock = async ({ bucket, subject }: { bucket: string; subject: string }) => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: lockKey(bucket, subject), ConsistentRead: true }),
  );
  return typeof Item?.lockedUntil === 'string' ? Item.lockedUntil : undefined;
};

/** Locks a subject until `lockedUntil`; the item expires by TTL a minute after. */
const setLock = async ({
  bucket,
  subject,
  lockedUntil,
}: {
  bucket: string;
  subject: string;
  lockedUntil: string;
}) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...lockKey(bucket, subject),
        itemType: 'RateLock',
        lockedUntil,
        expiresAt: Math.floor(Date.parse(lockedUntil) / 1000) + 60,
      },
    }),
  );
};

export type { RateLimitOptions, RateLimitResult };
export { consumeRateLimit, countHit, findLock, setLock };
