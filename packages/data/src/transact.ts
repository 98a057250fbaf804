/**
 * Sends a transaction and turns a cancelled one into the domain error of the item whose condition
 * failed. Each item says what its failed condition means, with the item as it was (ALL_OLD).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db } from './client.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

interface GuardedItem {
  item: TransactItem;
  /** Error to throw when this item's condition fails; receives the stored item, if any. */
  onConditionFailed?: (existing: Record<string, unknown> | undefined) => Error;
}

/** Pure: builds the command input, asking DynamoDB to return the old item of any failed condition. */
const buildTransaction = (items: readonly GuardedItem[]): TransactWriteCommandInput => ({
  TransactItems: items.map(({ item }) => {
    const [kind, body] = Object.entries(item)[0] as [string, Record<string, unknown>];
    if (kind === 'Put' || kind === 'Update' || kind === 'Delete' || kind === 'ConditionCheck') {
      if (body.ConditionExpression) {
        return { [kind]: { ...body, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TransactItem;
      }
    }
    return item;
  }),
});

/** Attempts when a transaction only collided with another one on a shared item (a counter cell). */
const CONFLICT_ATTEMPTS = 4;

/** Cancelled only because another transaction held one of its items: nothing was written, retry. */
const isConflictOnly = (error: TransactionCanceledException) => {
  const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return (
    codes.includes('TransactionConflict') && codes.every((c) => c === 'TransactionConflict' || c === 'None')
  );
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const transact = async (items: readonly GuardedItem[]): Promise<void> => {
  const command = buildTransaction(items);
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand(command));
      return;
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        isConflictOnly(error) &&
        attempt < CONFLICT_ATTEMPTS
      ) {
        // Jittered backoff: two closings or an evaluation and a closing hitting the same counter cell.
        await pause(Math.random() * 25 * 2 ** attempt);
        continue;
      }
      throwDomainError(items, error);
    }
  }
};

const throwDomainError = (items: readonly GuardedItem[], error: unknown): never => {
  if (!(error instanceof TransactionCanceledException)) throw error;
  const reasons = error.CancellationReasons ?? [];
  for (const [index, reason] of reasons.entries()) {
    if (reason.Code !== 'ConditionalCheckFailed') continue;
    const guard = items[index]?.onConditionFailed;
    if (!guard) continue;
    const existing = reason.Item ? unmarshall(reason.Item as Record<string, AttributeValue>) : undefined;
    throw guard(existing);
  }
  throw error;
};

export type { GuardedItem, TransactItem };
export { buildTransaction, transact };
