export type { DynamoLocal, StartOptions } from './dynamoLocal.ts';
export { ensureTable, freePort, startDynamoLocal } from './dynamoLocal.ts';
