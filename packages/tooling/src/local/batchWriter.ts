/**
 * Bulk loading for local datasets (the scale seed): `BatchWriteItem` of 25 puts per call, a bounded
 * number of calls in flight, unprocessed items retried with exponential backoff. Never used by the
 * product, whose writes are transactions with conditions.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '@socle/data';

type Item = Record<string, unknown>;

/** DynamoDB's limit of requests per BatchWriteItem call. */
const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 10;
const BASE_BACKOFF_MS = 50;

interface BatchWriterOptions {
  /** BatchWriteItem calls in flight at once. */
  concurrency: number;
  /** Called after every call that wrote something, with the running totals. */
  onProgress?: (stats: WriteStats) => void;
}

interface WriteStats {
  items: number;
  /** Write capacity units DynamoDB reported (DynamoDB Local reports them per table). */
  consumedWcu: number;
  calls: number;
  retries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A writer that takes items as they are generated and keeps at most `concurrency` calls in
 * flight: `put` waits when the pipe is full, so memory stays bounded whatever the dataset size.
 */
const createBatchWriter = ({ concurrency, onProgress }: BatchWriterOptions) => {
  const stats: WriteStats = { items: 0, consumedWcu: 0, calls: 0, retries: 0 };
  const inFlight = new Set<Promise<void>>();
  let buffer: Item[] = [];
  let failure: unknown;

  const writeBatch = async (batch: Item[]) => {
    let pending: Item[] = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`${pending.length} item(s) still unprocessed after ${attempt} attempts`);
      if (attempt > 0) {
        stats.retries += 1;
        await sleep(BASE_BACKOFF_MS * 2 ** attempt * (0.5 + Math.random() / 2));
      }
      const result = await db().send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: pending }, ReturnConsumedCapacity: 'TOTAL' }),
      );
      stats.calls += 1;
      for (const consumed of result.ConsumedCapacity ?? []) stats.consumedWcu += consumed.CapacityUnits ?? 0;
      const unprocessed = (result.UnprocessedItems?.[tableName()] ?? []) as Item[];
      stats.items += pending.length - unprocessed.length;
      pending = unprocessed;
    }
    onProgress?.(stats);
  };

  const launch = async (batch: Item[]) => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure;
    const call = writeBatch(batch)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };

  return {
    stats,
    async put(item: Item) {
      buffer.push(item);
      if (buffer.length < BATCH_SIZE) return;
      const batch = buffer;
      buffer = [];
      await launch(batch);
    },
    /** Writes what is buffered and waits for every call; throws the first failure. */
    async flush() {
      if (buffer.length > 0) {
        const batch = buffer;
        buffer = [];
        await launch(batch);
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      return stats;
    },
  };
};

export type { BatchWriterOptions, WriteStats };
export { BATCH_SIZE, createBatchWriter };
