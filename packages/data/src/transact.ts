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

const transact = async (items: readonly GuardedItem[]): Promise<void> => {
  try {
    await db().send(new TransactWriteCommand(buildTransaction(items)));
  } catch (error) {
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
  }
};

export type { GuardedItem, TransactItem };
export { buildTransaction, transact };
