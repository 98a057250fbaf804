/**
 * The demo's first start: a seed either completes or starts over. The seed writes a marker last, so a
 * table with logins but no marker holds a half demo (a start stopped by Ctrl-C or a crash during the
 * seed); such a table is wiped and seeded again, never used as it is.
 *
 * Local tooling only (never bundled in a Lambda): it talks to DynamoDB with the SDK the data package
 * brings, for the two items no product code writes (the marker) or removes (the whole table).
 */
import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, listLogins, tableName } from '@socle/data';
import { ensureTable } from '@socle/testing';
import { seedDemo } from './seed.ts';
import type { SeedSummary } from './seed.ts';

/** Outside every tenant's and the platform's key spaces: no product query ever reads it. */
const MARKER_KEY = { pk: 'LOCAL#DEMO', sk: 'SEED_COMPLETE' } as const;

/** How a start found the table: seeded before, empty (seeded now), or half seeded (wiped, seeded again). */
const DemoStart = { READY: 'ready', SEEDED: 'seeded', RESEEDED: 'reseeded' } as const;
type DemoStart = (typeof DemoStart)[keyof typeof DemoStart];

const isDemoSeeded = async (): Promise<boolean> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: MARKER_KEY, ConsistentRead: true }),
  );
  return Item !== undefined;
};

const markDemoSeeded = async (summary: SeedSummary, at: Date) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...MARKER_KEY,
        seededAt: at.toISOString(),
        dossiers: summary.dossiers,
        logins: summary.logins.length,
      },
    }),
  );
};

/** Drops the table and creates it again, empty, from the same definition. */
const wipeTable = async () => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('wiping a table is for DynamoDB Local only (DYNAMODB_ENDPOINT unset)');
  const client = new DynamoDBClient({
    endpoint,
    region: process.env.AWS_REGION ?? 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName() }));
    // DynamoDB Local deletes at once, but wait as DynamoDB would before creating it again.
    for (;;) {
      try {
        await client.send(new DescribeTableCommand({ TableName: tableName() }));
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    client.destroy();
  }
  await ensureTable(endpoint, tableName());
};

interface EnsureDemoOptions {
  /** The seed to run (tests pass a smaller one). */
  seed?: () => Promise<SeedSummary>;
  /** Told before a half demo is wiped and before the seed starts. */
  onProgress?: (step: 'wiping' | 'seeding') => void;
}

interface EnsureDemoResult {
  start: DemoStart;
  summary?: SeedSummary;
}

/** Leaves the table holding a whole demo: as found, or seeded now, after wiping a half one. */
const ensureDemoSeeded = async ({
  seed = () => seedDemo(),
  onProgress = () => {},
}: EnsureDemoOptions = {}): Promise<EnsureDemoResult> => {
  if (await isDemoSeeded()) return { start: DemoStart.READY };
  const halfSeeded = (await listLogins()).length > 0;
  if (halfSeeded) {
    onProgress('wiping');
    await wipeTable();
  }
  onProgress('seeding');
  const summary = await seed();
  // Last: only a seed that went to its end leaves the marker.
  await markDemoSeeded(summary, new Date());
  return { start: halfSeeded ? DemoStart.RESEEDED : DemoStart.SEEDED, summary };
};

export type { EnsureDemoOptions, EnsureDemoResult };
export { DemoStart, ensureDemoSeeded, isDemoSeeded };
