/**
 * Dashboards and usage statements, read from the counters only: their cost depends on the months
 * and groups asked for, never on the number of dossiers (SPEC §6).
 */
import {
  aggregateVolumes,
  certificationLabels,
  checkFeeScheduleStart,
  checkOrganismGrouping,
  checkVolumesAccess,
  enforce,
  regionOf,
  scheduleExists,
  type CounterValues,
  type FeeSchedule,
  type FeeScheduleInput,
  type UsageStatement,
  type VolumesQuery,
  type VolumesResponse,
  usageStatementOf,
  violationOf,
} from '@socle/domain';
import type { Certification } from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { type CounterRead, readAllCounters, readTenantCounters } from './counters.ts';
import { keys } from './keys.ts';
import { listOrganisms } from './organisms.ts';
import { queryAll } from './queryAll.ts';
import { putNew, putVersioned } from './records.ts';
import { type TenantScope, platformScopeFor } from './scope.ts';
import { getTenant, listTenants } from './tenants.ts';
import { transact } from './transact.ts';
import { feeScheduleFromItem } from './entities/settings.ts';

/** Whose figures a caller may see; built by the handler from the verified token only. */
type StatsViewer =
  | { kind: 'national' }
  | { kind: 'network'; scope: TenantScope }
  | { kind: 'region'; region: string };

/** Every network's name (a few dozen at most: one short query). */
const tenantNames = async (): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listTenants({ cursor, limit: 100 });
    for (const tenant of page.items) names.set(tenant.id, tenant.name);
    cursor = page.cursor;
  } while (cursor);
  return names;
};

const organismNames = async (tenantId: string) =>
  new Map((await listOrganisms(platformScopeFor(tenantId))).map((o) => [o.id, o.name]));

/** The one network a request is about, if any: its own for a network admin, the filter otherwise. */
const singleTenantOf = (viewer: StatsViewer, query: VolumesQuery) =>
  viewer.kind === 'network' ? viewer.scope.tenantId : query.tenantId;

const labelsFor = async (viewer: StatsViewer, query: VolumesQuery): Promise<(key: string) => string> => {
  switch (query.groupBy) {
    case 'region':
      return (key) => regionOf(key).name;
    case 'certification':
      return (key) => certificationLabels[key as Certification] ?? key;
    case 'network': {
      const names = await tenantNames();
      return (key) => names.get(key) ?? key;
    }
    case 'organism': {
      const tenantId = singleTenantOf(viewer, query);
      enforce(checkOrganismGrouping({ tenantId }));
      const names = await organismNames(tenantId as string);
      return (key) => names.get(key) ?? key;
    }
    default:
      return (key) => key;
  }
};

const readCells = (viewer: StatsViewer, query: VolumesQuery): Promise<CounterRead> => {
  if (viewer.kind === 'network') return readTenantCounters(viewer.scope, query.from, query.to);
  if (viewer.kind === 'region') return readAllCounters(query.from, query.to, viewer.region);
  return query.tenantId
    ? readTenantCounters(platformScopeFor(query.tenantId), query.from, query.to)
    : readAllCounters(query.from, query.to, query.region);
};

const matches = (cell: CounterValues, viewer: StatsViewer, query: VolumesQuery) =>
  (!query.certification || cell.certification === query.certification) &&
  // A jury secretary's region comes from the token: a region asked for in the query is ignored.
  (viewer.kind === 'region' || !query.region || cell.region === query.region) &&
  (viewer.kind === 'network' || !query.tenantId || cell.tenantId === query.tenantId) &&
  (!query.organismId || cell.organismId === query.organismId);

/** Volumes for a dashboard, with what the read cost (items read). */
const readVolumes = async (
  viewer: StatsViewer,
  query: VolumesQuery,
): Promise<VolumesResponse & { itemsRead: number }> => {
  enforce(checkVolumesAccess({ viewer: viewer.kind, groupBy: query.groupBy, organismId: query.organismId }));
  const [{ cells, itemsRead }, labelOf] = await Promise.all([
    readCells(viewer, query),
    labelsFor(viewer, query),
  ]);
  const selected = cells.filter((cell) => matches(cell, viewer, query));
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    ...aggregateVolumes(selected, query, labelOf),
    itemsRead,
  };
};

const feeScheduleItem = (schedule: FeeSchedule) => ({
  ...keys.feeSchedule(schedule.effectiveFrom),
  itemType: 'FeeSchedule',
  ...schedule,
});

/** Fee schedules, newest first. */
const listFeeSchedules = async (): Promise<FeeSchedule[]> => {
  const items = await queryAll(keys.feeSchedules(), feeScheduleFromItem);
  return items.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
};

/** Sets the fees applying from a month on: a new schedule, or a new version of that month's one. */
const putFeeSchedule = async (
  ctx: WriteContext,
  month: string,
  input: FeeScheduleInput,
): Promise<FeeSchedule> => {
  enforce(checkFeeScheduleStart({ month, now: ctx.clock.instant() }));
  const schedule: FeeSchedule = {
    effectiveFrom: month,
    fees: input.fees,
    version: (input.version ?? 0) + 1,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.principal.name ?? ctx.principal.userId,
  };
  const write =
    input.version === undefined
      ? putNew(feeScheduleItem(schedule), () => violationOf(scheduleExists))
      : putVersioned('fee_schedule', feeScheduleItem(schedule), input.version);
  await transact([
    write,
    auditPut(keys.platformAudit, ctx, {
      action: 'fees.scheduled',
      entity: { type: 'fee_schedule', id: month },
      summary: `tarifs applicables à partir de ${month}`,
    }),
  ]);
  return schedule;
};

/** A network's usage statement for one month: its counters for that month and the fees in force. */
const usageStatement = async (tenantId: string, month: string, now: Date): Promise<UsageStatement> => {
  const [tenant, { cells }, schedules] = await Promise.all([
    getTenant(tenantId),
    readTenantCounters(platformScopeFor(tenantId), month, month),
    listFeeSchedules(),
  ]);
  const countsByCertification: Partial<
    Record<Certification, { preliminaryDone: number; certified: number }>
  > = {};
  for (const cell of cells) {
    const counts = countsByCertification[cell.certification] ?? { preliminaryDone: 0, certified: 0 };
    counts.preliminaryDone += Number(cell.preliminaryDone ?? 0);
    counts.certified += Number(cell.certified ?? 0);
    countsByCertification[cell.certification] = counts;
  }
  return usageStatementOf({
    tenant: { id: tenant.id, name: tenant.name },
    month,
    countsByCertification,
    schedules,
    generatedAt: now.toISOString(),
  });
};

export type { StatsViewer };
export { listFeeSchedules, putFeeSchedule, readVolumes, usageStatement };
