/**
 * Dashboards cost what they show, not what the table holds (issue 7): seed 1,000 dossiers, run the
 * national yearly dashboard query, grow the table to 50,000 dossiers, run it again; compare the items
 * read and the median time. Dossier items are written as the product writes them (`dossierItemOf`),
 * and their counters with the product's own functions (`countersOfEvent`, `counterUpdate`) from a
 * simulated path per dossier; the query is `readVolumes`, what `GET /stats/volumes` runs.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  counterUpdate,
  db,
  dossierItemOf,
  platformScopeFor,
  readVolumes,
  tableName,
  transact,
} from '@socle/data';
import {
  type CountedDossier,
  type CounterIncrement,
  type Dossier,
  accumulate,
  counterMonthOf,
  countersOfEvent,
} from '@socle/domain';
import { ulid } from 'ulid';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '@socle/testing';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { median, printSummary } from './support/summary.ts';

const REGIONS = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '04', '01'];
const NETWORKS = 6;
const ORGANISMS_PER_NETWORK = 3;
const QUERY_RUNS = 25;
const DAY = 86_400_000;

const now = new Date('2026-11-15T12:00:00.000Z');

/** Deterministic PRNG (mulberry32): the same table on every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = prng(7);

const organisms = Array.from({ length: NETWORKS }, (_, n) => ({
  tenantId: ulid(now.getTime() - 900 * DAY),
  organisms: Array.from({ length: ORGANISMS_PER_NETWORK }, (_, o) => ({
    id: ulid(now.getTime() - 900 * DAY),
    region: REGIONS[(n * ORGANISMS_PER_NETWORK + o) % REGIONS.length] as string,
  })),
}));

/** A dossier's path as audited events: opening, evaluations, training, jury (24 months back at most). */
const simulatedPath = (openedAt: number) => {
  const events: { action: string; at: number; toStatus?: string }[] = [
    { action: 'dossier.opened', at: openedAt },
  ];
  let t = openedAt + (3 + random() * 25) * DAY;
  const eligibleAtOnce = random() < 0.35;
  events.push({
    action: 'dossier.complete_preliminary',
    at: t,
    toStatus: eligibleAtOnce ? 'eligible' : 'in_training',
  });
  events.push({ action: 'dossier.portfolio_issued', at: t + DAY });
  if (!eligibleAtOnce) {
    t += (5 + random() * 20) * DAY;
    events.push({ action: 'training_plan.created', at: t });
    t += (40 + random() * 150) * DAY;
    events.push({ action: 'dossier.complete_final', at: t, toStatus: 'eligible' });
  }
  t += (5 + random() * 30) * DAY;
  events.push({ action: 'dossier.submitted_to_jury', at: t });
  t += (10 + random() * 50) * DAY;
  events.push({ action: random() < 0.85 ? 'dossier.certify' : 'dossier.adjourn', at: t });
  return events.filter((e) => e.at <= now.getTime());
};

const dossierOf = (id: string, organismId: string, region: string, openedAt: string): Dossier => ({
  id,
  candidateId: id,
  candidate: { firstName: 'Camille', lastName: 'Durand', birthDate: '1980-01-01' },
  certification: 'clea',
  organismId,
  region,
  advisorId: id,
  status: 'certified',
  consent: { givenAt: openedAt, textVersion: 'v1', recordedBy: id },
  candidateStatus: 'employee',
  prescriber: 'employer',
  funding: 'cpf',
  onWorkingTime: false,
  modules: [],
  experience: 'Expérience en logistique.',
  openedAt,
  statusChangedAt: openedAt,
  referentielId: id,
  acquiredCriteria: [],
  evaluatorIds: [],
  trainerIds: [],
  version: 1,
  createdAt: openedAt,
  updatedAt: openedAt,
});

/** Writes `count` dossiers and adds their counters; returns the wall time of the seeding. */
const seedDossiers = async (count: number) => {
  const started = performance.now();
  const cells = new Map<string, CounterIncrement>();
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const network = organisms[i % NETWORKS] as (typeof organisms)[number];
    const organism = network.organisms[Math.floor(random() * ORGANISMS_PER_NETWORK)] as {
      id: string;
      region: string;
    };
    const openedAt = now.getTime() - Math.floor(random() * 730) * DAY - Math.floor(random() * DAY);
    const id = ulid(openedAt);
    const dossier = dossierOf(id, organism.id, organism.region, new Date(openedAt).toISOString());
    items.push(dossierItemOf(platformScopeFor(network.tenantId), dossier));
    const events = simulatedPath(openedAt);
    const prelim = events.find((e) => e.action === 'dossier.complete_preliminary');
    const counted: CountedDossier = {
      tenantId: network.tenantId,
      organismId: organism.id,
      region: organism.region,
      certification: 'clea',
      openedAt: dossier.openedAt,
      preliminaryEvaluatedOn: prelim ? new Date(prelim.at).toISOString().slice(0, 10) : undefined,
    };
    for (const event of events) {
      const increment = countersOfEvent({ ...event, at: new Date(event.at).toISOString() }, counted);
      if (increment) accumulate(cells, increment);
    }
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const writeBatch = async (batch: Record<string, unknown>[]) => {
    let pending: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (result.UnprocessedItems?.[tableName()] ?? []) as Record<string, unknown>[];
    }
  };
  for (let i = 0; i < batches.length; i += 8) await Promise.all(batches.slice(i, i + 8).map(writeBatch));
  // The product's own counter write (an ADD per cell): what the events' transactions would have added.
  const updates = [...cells.values()];
  for (let i = 0; i < updates.length; i += 16) {
    await Promise.all(updates.slice(i, i + 16).map((u) => transact([counterUpdate(u)])));
  }
  return { ms: performance.now() - started, cellsTouched: cells.size };
};

/** The national dashboard of the last 12 complete months by region: what the national admin opens first. */
const yearlyQuery = {
  from: counterMonthOf(new Date(now.getTime() - 365 * DAY).toISOString()),
  to: counterMonthOf(new Date(now.getTime() - 30 * DAY).toISOString()),
  groupBy: 'region' as const,
};

const measureQuery = async () => {
  const times: number[] = [];
  let itemsRead = 0;
  let certified = 0;
  for (let run = 0; run < QUERY_RUNS + 3; run++) {
    const started = performance.now();
    const volumes = await readVolumes({ kind: 'national' }, yearlyQuery);
    const elapsed = performance.now() - started;
    if (run >= 3) times.push(elapsed); // the first runs warm the connection and the JIT
    itemsRead = volumes.itemsRead;
    certified = volumes.total.counts.certified;
  }
  return { median: median(times), itemsRead, certified };
};

// The data layer only: no HTTP server is needed to measure what the query reads.
beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = `socle_bench_${randomUUID().slice(0, 8)}`;
  process.env.AWS_REGION = 'eu-west-3';
  await ensureTable(endpoint, process.env.TABLE_NAME);
}, 120_000);

describe('Bench: national yearly dashboard, 1,000 then 50,000 dossiers', () => {
  it('reads the same items whatever the number of dossiers, in about the same time', async () => {
    const small = await seedDossiers(1_000);
    const atSmall = await measureQuery();
    const large = await seedDossiers(49_000);
    const atLarge = await measureQuery();
    const ratio = atLarge.median / atSmall.median;
    printSummary('National yearly dashboard (readVolumes, groupBy region, 12 months)', [
      { measure: 'seed 1,000 dossiers', value: small.ms / 1000, unit: 's' },
      { measure: 'seed +49,000 dossiers', value: large.ms / 1000, unit: 's' },
      { measure: 'items read at 1,000', value: atSmall.itemsRead, unit: 'items' },
      { measure: 'items read at 50,000', value: atLarge.itemsRead, unit: 'items', target: atSmall.itemsRead },
      { measure: 'median at 1,000', value: atSmall.median, unit: 'ms' },
      { measure: 'median at 50,000', value: atLarge.median, unit: 'ms' },
      { measure: 'time ratio 50,000 / 1,000', value: ratio, unit: '×', target: 1.5 },
      { measure: 'certificates counted at 50,000', value: atLarge.certified, unit: '' },
    ]);
    // Every (month, organism) cell already exists at 1,000 dossiers: the read cannot grow.
    expect(atLarge.itemsRead).toBe(atSmall.itemsRead);
    expect(atLarge.certified).toBeGreaterThan(atSmall.certified * 30);
    expect(ratio).toBeLessThan(1.5);
  });
});
