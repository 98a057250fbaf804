/** CreateTable input built from the shared table definition (DynamoDB Local; the CDK builds its own). */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table.ts';

const createTableInput = (tableName: string): CreateTableCommandInput => {
  const attributes = new Map<string, 'S'>();
  const key = (a: { name: string; type: 'S' }, keyType: 'HASH' | 'RANGE') => {
    attributes.set(a.name, a.type);
    return { AttributeName: a.name, KeyType: keyType };
  };
  const keySchema = [key(tableDefinition.partitionKey, 'HASH'), key(tableDefinition.sortKey, 'RANGE')];
  const indexes = tableDefinition.globalSecondaryIndexes.map((index) => ({
    IndexName: index.indexName,
    KeySchema: [key(index.partitionKey, 'HASH'), key(index.sortKey, 'RANGE')],
    Projection: { ProjectionType: 'ALL' as const },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: keySchema,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    GlobalSecondaryIndexes: indexes,
  };
};

export { createTableInput };
