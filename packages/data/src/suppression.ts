/**
 * The suppression list: addresses that bounced permanently or complained are never sent to again
 * (SES reputation, and the person's wish). Keyed by a hash of the normalised address, so the list
 * holds no address in clear and needs no erasure of its own: it says "do not send to whoever has
 * this address", nothing else.
 */
import { createHash } from 'node:crypto';
import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { type Key, keys } from './keys.ts';
import { tableName } from './table.ts';

const SuppressionReason = { BOUNCE: 'bounce', COMPLAINT: 'complaint' } as const;
type SuppressionReason = (typeof SuppressionReason)[keyof typeof SuppressionReason];

/** `  Marie.Dupont@Example.FR ` and `marie.dupont@example.fr` are one address. */
const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const suppressionKey = (email: string): Key =>
  keys.suppression(createHash('sha256').update(normaliseEmail(email)).digest('hex'));

interface SuppressionInput {
  email: string;
  reason: SuppressionReason;
  /** The provider's detail (bounce subtype, complaint type): no personal data. */
  detail?: string;
  at: Date;
}

/** Adds (or refreshes) an address on the list; counts the events that put it there. */
const suppressAddress = async ({ email, reason, detail, at }: SuppressionInput) => {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: suppressionKey(email),
      UpdateExpression:
        'SET itemType = :type, reason = :reason, detail = :detail, lastAt = :at, firstAt = if_not_exists(firstAt, :at) ADD events :one',
      ExpressionAttributeValues: {
        ':type': 'Suppression',
        ':reason': reason,
        ':detail': detail ?? reason,
        ':at': at.toISOString(),
        ':one': 1,
      },
    }),
  );
};

/** Which of these addresses are suppressed (normalised), in batches of 100 keys. */
const suppressedAmong = async (emails: readonly string[]): Promise<Set<string>> => {
  const byPk = new Map(emails.map((e) => [suppressionKey(e).pk, normaliseEmail(e)]));
  const distinct = [...new Set(byPk.values())].map(suppressionKey);
  const found = new Set<string>();
  for (let i = 0; i < distinct.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: distinct.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? []) {
        const email = byPk.get(String(item.pk));
        if (email) found.add(email);
      }
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
};

export type { SuppressionInput };
export { SuppressionReason, normaliseEmail, suppressAddress, suppressedAmong, suppressionKey };
