/** Test-only: corrupts a stored counter cell directly in DynamoDB, to prove the drift check can fail. */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, platformScopeFor, tableName } from '@socle/data';

const getTableName = () => tableName();

/** Adds `amount` to one field of the network's first counter cell; returns that cell. */
const tamper = async (tenantId: string, field: string, amount: number) => {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.tenantCounters(platformScopeFor(tenantId)).pk },
      Limit: 1,
    }),
  );
  const item = Items?.[0];
  if (!item) throw new Error('no counter cell to tamper with');
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'ADD #f :n',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':n': amount },
    }),
  );
  const { month, region, organismId, certification } = item as Record<string, string>;
  return { month, region, tenantId, organismId, certification };
};

export { getTableName, tamper };
