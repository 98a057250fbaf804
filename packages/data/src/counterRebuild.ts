/**
 * `rebuild-counters`: recomputes every monitoring counter from the dossiers and their audit trails
 * (through the same `countersOfEvent` as the live writes), reports the cells that differ, and on
 * request repairs them. A repair ADDs the difference instead of overwriting, so an event written
 * between the scan and the repair is not lost, and running the command again converges.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CountedDossier,
  type CounterCell,
  type CounterIncrement,
  accumulate,
  cellKey,
  countersOfEvent,
  isCountedAction,
} from '@socle/domain';
import { db } from './client.ts';
import { countedDossierOf, counterUpdate } from './counters.ts';
import { keys } from './keys.ts';
import { platformScopeFor } from './scope.ts';
import { allTenants } from './tenants.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import { storedDossierFromItem } from './entities/dossier.ts';

interface CounterDrift {
  cell: CounterCell;
  field: string;
  expected: number;
  stored: number;
}

interface RebuildReport {
  dossiers: number;
  countedEvents: number;
  /** Counted events whose dossier no longer exists (should stay 0: erasure keeps a tombstone). */
  orphanEvents: number;
  cells: number;
  drift: CounterDrift[];
  repairedCells: number;
}

const CELL_FIELDS = new Set(['month', 'region', 'tenantId', 'organismId', 'certification']);
/** Audit trails read at once (one query each). */
const TRAIL_CONCURRENCY = 16;

type Item = Record<string, unknown>;

/** Every page of one query. */
const queryItems = async (input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> => {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/**
 * A network's dossiers, their trails and its counter cells, by queries only (the functions' IAM
 * never grants Scan: a leading-key condition cannot restrict it).
 */
const readTenantHistory = async (tenantId: string): Promise<Item[]> => {
  const scope = platformScopeFor(tenantId);
  const byTenant = keys.dossiersByTenant(scope);
  const [dossiers, counters] = await Promise.all([
    queryItems({
      TableName: tableName(),
      IndexName: byTenant.index,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': byTenant.pk },
    }),
    queryItems({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.tenantCounters(scope).pk },
    }),
  ]);
  const trails: Item[] = [];
  for (let i = 0; i < dossiers.length; i += TRAIL_CONCURRENCY) {
    const pages = await Promise.all(
      dossiers.slice(i, i + TRAIL_CONCURRENCY).map((dossier) =>
        queryItems({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.dossierAuditTrail(scope, String(dossier.id)).pk },
        }),
      ),
    );
    trails.push(...pages.flat());
  }
  return [...dossiers.map((d) => ({ ...d, tenantId })), ...trails, ...counters];
};

/** The ids of every network (a few dozen). */
const storedIncrementOf = (item: Item): CounterIncrement => {
  const cell = {
    month: item.month,
    region: item.region,
    tenantId: item.tenantId,
    organismId: item.organismId,
    certification: item.certification,
  } as CounterCell;
  const increments: Record<string, number> = {};
  for (const [field, value] of Object.entries(item)) {
    if (typeof value === 'number' && !CELL_FIELDS.has(field) && field !== 'expiresAt')
      increments[field] = value;
  }
  return { cell, increments };
};

/** The counters as the dossiers' histories say they should be, and as they are stored. */
const recount = (items: readonly Item[]) => {
  const dossiers = new Map<string, CountedDossier>();
  for (const item of items) {
    if (item.itemType !== 'Dossier') continue;
    dossiers.set(String(item.id), countedDossierOf(String(item.tenantId), storedDossierFromItem(item)));
  }
  const expected = new Map<string, CounterIncrement>();
  let countedEvents = 0;
  let orphanEvents = 0;
  for (const item of items) {
    const entity = item.entity as { type?: string; id?: string } | undefined;
    if (item.itemType !== 'AuditEvent' || entity?.type !== 'dossier' || !isCountedAction(String(item.action)))
      continue;
    const dossier = dossiers.get(String(entity.id));
    if (!dossier) {
      orphanEvents += 1;
      continue;
    }
    const increment = countersOfEvent(
      { action: String(item.action), at: String(item.at), toStatus: item.toStatus as string | undefined },
      dossier,
    );
    if (increment) {
      accumulate(expected, increment);
      countedEvents += 1;
    }
  }
  const stored = new Map<string, CounterIncrement>();
  for (const item of items) {
    if (item.itemType === 'Counter')
      stored.set(cellKey(storedIncrementOf(item).cell), storedIncrementOf(item));
  }
  return { dossiers: dossiers.size, countedEvents, orphanEvents, expected, stored };
};

const driftOf = (expected: Map<string, CounterIncrement>, stored: Map<string, CounterIncrement>) => {
  const drift: CounterDrift[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const want = expected.get(key);
    const have = stored.get(key);
    const cell = (want ?? have)?.cell as CounterCell;
    const fields = new Set([...Object.keys(want?.increments ?? {}), ...Object.keys(have?.increments ?? {})]);
    for (const field of fields) {
      const e = want?.increments[field] ?? 0;
      const s = have?.increments[field] ?? 0;
      if (e !== s) drift.push({ cell, field, expected: e, stored: s });
    }
  }
  return drift;
};

/** Recounts, reports the drift and, with `repair`, adds the differences to the stored cells. */
const rebuildCounters = async ({
  repair = false,
  tenantIds,
}: {
  repair?: boolean;
  tenantIds?: string[];
} = {}): Promise<RebuildReport> => {
  const items: Item[] = [];
  for (const tenantId of tenantIds ?? (await allTenants()).map((tenant) => tenant.id))
    items.push(...(await readTenantHistory(tenantId)));
  const { dossiers, countedEvents, orphanEvents, expected, stored } = recount(items);
  const drift = driftOf(expected, stored);
  const byCell = new Map<string, CounterIncrement>();
  for (const d of drift) {
    const entry = byCell.get(cellKey(d.cell)) ?? { cell: d.cell, increments: {} };
    entry.increments[d.field] = d.expected - d.stored;
    byCell.set(cellKey(d.cell), entry);
  }
  if (repair) {
    // One transaction per cell: an ADD is atomic, and a partial repair is finished by a re-run.
    for (const delta of byCell.values()) await transact([counterUpdate(delta)]);
  }
  return {
    dossiers,
    countedEvents,
    orphanEvents,
    cells: new Set([...expected.keys(), ...stored.keys()]).size,
    drift,
    repairedCells: repair ? byCell.size : 0,
  };
};

export type { CounterDrift, RebuildReport };
export { rebuildCounters };
