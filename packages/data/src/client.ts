/** One document client per process, created lazily (the endpoint is read from the env for DynamoDB Local). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsClientConfig } from './awsClientConfig.ts';

let documentClient: DynamoDBDocumentClient | undefined;

const createDocumentClient = (endpoint = process.env.DYNAMODB_ENDPOINT): DynamoDBDocumentClient => {
  // Timeouts and bounded retries, also against DynamoDB Local: a stall fails fast everywhere.
  const client = new DynamoDBClient(
    endpoint
      ? {
          ...awsClientConfig(),
          endpoint,
          region: process.env.AWS_REGION ?? 'eu-west-3',
          // DynamoDB Local accepts any credentials; fixed ones keep one shared database.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : awsClientConfig(),
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
};

const db = (): DynamoDBDocumentClient => {
  documentClient ??= createDocumentClient();
  return documentClient;
};

export { createDocumentClient, db };
