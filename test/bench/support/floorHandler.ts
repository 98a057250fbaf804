/**
 * The cold-start floor (test/bench/coldStart.test.ts): a handler that only sends one DynamoDB GetItem
 * with the SDK the functions bundle, bundled and minified with esbuild's defaults. A Lambda that
 * imports slower than this does more at cold start than any DynamoDB function must.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { id: string }) =>
  client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.id } }));
