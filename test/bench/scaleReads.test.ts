/**
 * The read paths a national deployment lives on (issue 15), on the scale dataset (`npm run
 * seed:scale`'s generator, at a modest scale: SOCLE_SCALE, default 0.004 = 2,000 dossiers, 1,620 a
 * year at scale 1 being 50,000): the national register of one year (first page, then its total), a
 * network's dossier list (first page, then its total), the national dashboard over 12 and 60
 * months. Each is printed as a ratio to one GetItem measured in the same run, with the items it
 * read where the data layer tells. The counters written by the dataset are checked against the
 * dossiers' audit trails (`rebuildCounters` of the largest network: no drift).
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  actingOn,
  countDossiers,
  countRegister,
  db,
  keys,
  listDossiers,
  listRegister,
  listTenants,
  platformScopeFor,
  readVolumes,
  rebuildCounters,
  tableName,
} from '@socle/data';
import type { DossierListQuery, Principal } from '@socle/domain';
import { clockAt } from '@socle/domain';
import { ensureTable } from '@socle/testing';
import { loadScaleDataset } from '@socle/tooling/local/scaleDataset';
import type { LoadReport } from '@socle/tooling/local/scaleDataset';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { median, printSummary } from './support/summary.ts';

const SCALE = Number(process.env.SOCLE_SCALE ?? 0.004);
const RUNS = 25;
const WARMUP = 3;
const PAGE = 50;
const now = new Date('2026-11-15T12:00:00.000Z');

const national: Principal = {
  userId: 'bench',
  roles: ['national_admin'],
  organisms: [],
  name: 'Banc national',
};

/** Median time of `read` over RUNS runs after WARMUP; its last result. */
const timed = async <T>(read: () => Promise<T>) => {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < RUNS + WARMUP; run++) {
    const started = performance.now();
    result = await read();
    if (run >= WARMUP) times.push(performance.now() - started);
  }
  return { ms: median(times), result: result as T };
};

let load: LoadReport;

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = `socle_scale_${randomUUID().slice(0, 8)}`;
  process.env.AWS_REGION = 'eu-west-3';
  // Loading, not a person's request: no 1.4 s fail-fast on a loaded machine (awsClientConfig.ts).
  process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS = '30000';
  await ensureTable(endpoint, process.env.TABLE_NAME);
  load = await loadScaleDataset({ scale: SCALE, seed: 15, now, concurrency: 8 });
}, 1_800_000);

describe(`Bench: national read paths on the scale dataset (scale ${SCALE})`, () => {
  it('reads a page, a total and a dashboard, as ratios to one GetItem', async () => {
    const tenants = (await listTenants({ limit: 100 })).items;
    // The largest network is the first generated (networks are uneven on purpose).
    const largest = tenants.find((t) => t.name === 'Réseau 001');
    expect(largest).toBeDefined();
    const scope = platformScopeFor(largest?.id ?? '');
    // Its network admin's reach: every organism of the network.
    const admin = actingOn({ principal: national, requestId: 'bench', clock: clockAt(now) }, scope);
    const firstPage = await listDossiers(admin, { limit: PAGE } as DossierListQuery);
    const someDossier = firstPage.items[0];
    expect(someDossier).toBeDefined();

    const getItem = await timed(() =>
      db().send(new GetCommand({ TableName: tableName(), Key: keys.dossier(scope, someDossier?.id ?? '') })),
    );
    const year = now.getUTCFullYear() - 1;
    const register = await timed(() => listRegister(national, { year, limit: PAGE }));
    const registerTotal = await timed(() => countRegister(national, { year }));
    const registerInRegion = await timed(() =>
      listRegister(national, { year, region: largest?.regions?.[0], limit: PAGE }),
    );
    const dossiers = await timed(() => listDossiers(admin, { limit: PAGE } as DossierListQuery));
    const dossiersTotal = await timed(() => countDossiers(admin, {} as DossierListQuery));
    /** `YYYY-MM`, `back` months before now's (the dashboard's widest request is 60 months). */
    const month = (back: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15)).toISOString().slice(0, 7);
    const stats12 = await timed(() =>
      readVolumes({ kind: 'national' }, { from: month(12), to: month(1), groupBy: 'region' }),
    );
    const stats60 = await timed(() =>
      readVolumes({ kind: 'national' }, { from: month(59), to: month(0), groupBy: 'region' }),
    );

    const ratio = (ms: number) => ms / getItem.ms;
    printSummary(
      `Scale dataset: ${load.written.items} items loaded in ${(load.elapsedMs / 1000).toFixed(0)} s`,
      [
        {
          measure: 'dossiers / certificates / networks',
          value: load.dataset.dossiers,
          unit: 'dossiers',
          note: `${load.dataset.certificates} certificates, ${load.dataset.networks} networks, ${load.dataset.sessions} sessions`,
        },
        {
          measure: 'load rate',
          value: load.written.items / (load.elapsedMs / 1000),
          unit: 'items/s',
          note: `${load.written.consumedWcu} WCU reported`,
        },
        {
          measure: 'GetItem (one dossier)',
          value: getItem.ms,
          unit: 'ms',
          note: 'the unit of the ratios below',
        },
        {
          measure: `register ${year}, first page`,
          value: ratio(register.ms),
          unit: '× GetItem',
          note: `${register.result.items.length} certificates on the page`,
        },
        {
          measure: `register ${year}, total`,
          value: ratio(registerTotal.ms),
          unit: '× GetItem',
          note: `${registerTotal.result.total}${registerTotal.result.approximate ? '+' : ''} certificates`,
        },
        {
          measure: `register ${year}, one region, first page`,
          value: ratio(registerInRegion.ms),
          unit: '× GetItem',
          note: `${registerInRegion.result.items.length} of ${PAGE} on the page`,
        },
        {
          measure: 'largest network dossiers, first page',
          value: ratio(dossiers.ms),
          unit: '× GetItem',
          note: `${dossiers.result.items.length} dossiers on the page`,
        },
        {
          measure: 'largest network dossiers, total',
          value: ratio(dossiersTotal.ms),
          unit: '× GetItem',
          note: `${dossiersTotal.result.total}${dossiersTotal.result.approximate ? '+' : ''} dossiers`,
        },
        {
          measure: 'national stats, 12 months by region',
          value: ratio(stats12.ms),
          unit: '× GetItem',
          note: `${stats12.result.itemsRead} counter cells read`,
        },
        {
          measure: 'national stats, 60 months by region',
          value: ratio(stats60.ms),
          unit: '× GetItem',
          note: `${stats60.result.itemsRead} counter cells read`,
        },
      ],
    );

    // What the dataset wrote agrees with itself: the register's total is the certificates of that
    // year, and the counters are what the audit trails say (no drift on the largest network).
    expect(register.result.items.length).toBe(Math.min(PAGE, registerTotal.result.total));
    expect(dossiersTotal.result.total).toBeGreaterThan(0);
    expect(stats60.result.total.counts.certified).toBeGreaterThan(0);
    const rebuild = await rebuildCounters({ tenantIds: [largest?.id ?? ''] });
    expect(rebuild.orphanEvents).toBe(0);
    expect(rebuild.drift).toEqual([]);
  });
});
