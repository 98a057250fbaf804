/** Reads every item of one partition (optionally under a sort-key prefix), page after page, in sort-key order. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { toRecord } from './records.ts';
import { tableName } from './table.ts';

const queryAll = async <T>({ pk, skPrefix }: { pk: string; skPrefix?: string }): Promise<T[]> => {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues:
          skPrefix === undefined ? { ':pk': pk } : { ':pk': pk, ':prefix': skPrefix },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []).map((i) => toRecord<T>(i)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

export { queryAll };
