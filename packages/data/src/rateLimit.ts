/**
 * A fixed-window rate limit kept in DynamoDB, so it holds across Lambda instances: one counter item
 * per client and window (`RATE#<bucket>#<window>#<client>`), incremented atomically, expired by TTL.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
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

const consumeRateLimit = async ({
  bucket,
  client,
  limit,
  windowSeconds,
  now,
}: RateLimitOptions): Promise<RateLimitResult> => {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const window = Math.floor(nowSeconds / windowSeconds);
  const windowEnd = (window + 1) * windowSeconds;
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: `RATE#${bucket}#${window}#${client}`, sk: 'RATE' },
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires), itemType = :type',
      ExpressionAttributeValues: { ':one': 1, ':expires': windowEnd + 60, ':type': 'RateCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const hits = Number(Attributes?.hits ?? 1);
  return hits <= limit
    ? { allowed: true, remaining: limit - hits }
    : { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
};

export type { RateLimitOptions, RateLimitResult };
export { consumeRateLimit };
