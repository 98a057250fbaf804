/** Reads every item of one partition (optionally under a sort-key prefix), page after page, in sort-key order. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { tableName } from './table.ts';
import type { IndexName } from './table.ts';

interface Partition {
  pk: string;
  skPrefix?: string;
}

type Item = Record<string, unknown>;

/** One page of a partition read (pure: unit-tested without DynamoDB). */
const partitionQuery = ({ pk, skPrefix }: Partition, startKey?: Item): QueryCommandInput => ({
  TableName: tableName(),
  KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: skPrefix === undefined ? { ':pk': pk } : { ':pk': pk, ':prefix': skPrefix },
  ExclusiveStartKey: startKey,
});

/** One page of an index partition, in index sort-key order (pure: unit-tested without DynamoDB). */
const indexPartitionQuery = (
  { index, pk }: { index: IndexName; pk: string },
  { startKey, limit, newestFirst = false }: { startKey?: Item; limit?: number; newestFirst?: boolean } = {},
): QueryCommandInput => ({
  TableName: tableName(),
  IndexName: index,
  KeyConditionExpression: `${index}pk = :pk`,
  ExpressionAttributeValues: { ':pk': pk },
  ExclusiveStartKey: startKey,
  ...(limit === undefined ? {} : { Limit: limit }),
  ...(newestFirst ? { ScanIndexForward: false } : {}),
});

/** Every item of the partition, each read by its entity's `fromItem` (a parse, never a cast). */
const queryAll = async <T>(partition: Partition, fromItem: (item: Item) => T): Promise<T[]> => {
  const items: T[] = [];
  let startKey: Item | undefined;
  do {
    const page = await db().send(new QueryCommand(partitionQuery(partition, startKey)));
    items.push(...(page.Items ?? []).map(fromItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

export type { Partition };
export { indexPartitionQuery, partitionQuery, queryAll };
