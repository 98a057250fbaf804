/**
 * The local stack shared by `npm run dev` and the tests: DynamoDB Local with the table, the dev
 * issuer and the local API server, all on loopback.
 */
import type { Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureTable, startDynamoLocal } from '@socle/testing';
import type { DynamoLocal } from '@socle/testing';
import { generateSigningKeys } from '@socle/functions/credentials';
import { createDevIssuer } from './devIssuer.ts';
import type { DevIssuer } from './devIssuer.ts';
import { createLocalServer } from './server.ts';

const REPO_ROOT = join(import.meta.dirname, '../../../..');
// Overridable so that a second checkout's `npm run dev` (or a timing run) keeps its own data.
const LOCAL_DIR = process.env.SOCLE_LOCAL_DIR ?? join(REPO_ROOT, '.local');

interface LocalStackOptions {
  apiPort: number;
  /** Keep data on disk (dev) or in memory (tests). */
  persistent: boolean;
  dynamoPort?: number;
  allowedOrigins: string[];
  tableName?: string;
  host?: string;
  /** Why the API is not ready yet: every request answers 503 with it until `ready()` (the demo seed). */
  notReadyBecause?: string;
}

interface LocalStack {
  dynamo: DynamoLocal;
  issuer: DevIssuer;
  server: Server;
  apiUrl: string;
  tableCreated: boolean;
  /** The API answers from now on (see `notReadyBecause`). */
  ready(): void;
  stop(): Promise<void>;
}

/** Open Badges signing keys kept across restarts, so credentials exported earlier still verify. */
const credentialKeysFrom = async (file: string): Promise<string> => {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const keys = JSON.stringify(await generateSigningKeys());
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, keys, { mode: 0o600 });
  return keys;
};

const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const tableName = options.tableName ?? 'socle';
  const dynamo = await startDynamoLocal({
    port: options.dynamoPort,
    dbPath: options.persistent ? join(LOCAL_DIR, 'dynamodb') : undefined,
  });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = tableName;
  process.env.AWS_REGION ??= 'eu-west-3';
  const tableCreated = await ensureTable(dynamo.endpoint, tableName);
  const host = options.host ?? 'localhost';
  const apiUrl = `http://${host}:${options.apiPort}`;
  process.env.PUBLIC_API_URL = apiUrl;
  if (options.persistent)
    process.env.CREDENTIAL_SIGNING_KEYS ??= await credentialKeysFrom(join(LOCAL_DIR, 'credential-keys.json'));
  const issuer = await createDevIssuer({
    issuer: `${apiUrl}/dev-auth`,
    keyFile: options.persistent ? join(LOCAL_DIR, 'dev-issuer-keys.json') : undefined,
  });
  let notReadyBecause = options.notReadyBecause;
  const server = createLocalServer({
    issuer,
    allowedOrigins: options.allowedOrigins,
    unavailable: () => notReadyBecause,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.apiPort, '127.0.0.1', () => resolve());
  });
  return {
    dynamo,
    issuer,
    server,
    apiUrl,
    tableCreated,
    ready() {
      notReadyBecause = undefined;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dynamo.stop();
    },
  };
};

export type { LocalStack, LocalStackOptions };
/** For scripts that talk to the DynamoDB Local of a running `npm run dev` (token, sweep). */
const useRunningDevTable = () => {
  process.env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  process.env.TABLE_NAME ??= 'socle';
  process.env.AWS_REGION ??= 'eu-west-3';
};

export { LOCAL_DIR, REPO_ROOT, startLocalStack, useRunningDevTable };
