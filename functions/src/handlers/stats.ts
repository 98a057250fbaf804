/** Monitoring: volumes, fee schedules and usage statements, read from the counters only. */
import {
  type StatsViewer,
  listFeeSchedules,
  nationalStatement,
  platformScopeFor,
  putFeeSchedule,
  readVolumes,
  tenantScopeOf,
  usageStatement,
} from '@socle/data';
import {
  DEFAULT_FEES,
  ForbiddenError,
  type Principal,
  checkVolumesAccess,
  enforce,
  nationalStatementFileName,
  nationalStatementTable,
  statementTable,
  toCsv,
} from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/stats';
import { defineRoute } from '../http.ts';
import type { BinaryBody } from '../http.ts';

/** Whose figures the caller sees, from the verified token only (never from the query). */
const viewerOf = (principal: Principal): StatsViewer => {
  if (principal.roles.includes('national_admin')) return { kind: 'national' };
  if (principal.roles.includes('network_admin') && principal.tenantId) {
    return { kind: 'network', scope: tenantScopeOf(principal) };
  }
  if (principal.roles.includes('jury_secretary') && principal.region) {
    return { kind: 'region', region: principal.region };
  }
  throw new ForbiddenError('no monitoring view for this account');
};

const statementCsv = async (
  tenantId: string,
  month: string,
  dialect: 'excel' | 'plain',
): Promise<BinaryBody> => {
  const statement = await usageStatement(platformScopeFor(tenantId).tenantId, month, new Date());
  const csv = toCsv(statementTable(statement), { dialect });
  return { bytes: new TextEncoder().encode(csv), fileName: `releve-${month}.csv` };
};

const statsHandlers = {
  getVolumes: defineRoute(routeOf('getVolumes'), async ({ principal, query }) => {
    const viewer = viewerOf(principal);
    enforce(
      checkVolumesAccess({ viewer: viewer.kind, groupBy: query.groupBy, organismId: query.organismId }),
    );
    const { itemsRead: _cost, ...volumes } = await readVolumes(viewer, query);
    return volumes;
  }),
  listFeeSchedules: defineRoute(routeOf('listFeeSchedules'), async () => ({
    items: await listFeeSchedules(),
    defaults: DEFAULT_FEES,
  })),
  putFeeSchedule: defineRoute(routeOf('putFeeSchedule'), ({ actor, params, body }) =>
    putFeeSchedule(actor, params.month, body),
  ),
  getOwnStatement: defineRoute(routeOf('getOwnStatement'), ({ params, actor }) =>
    usageStatement(actor.scope.tenantId, params.month, actor.clock.instant()),
  ),
  getOwnStatementCsv: defineRoute(routeOf('getOwnStatementCsv'), ({ actor, params, query }) =>
    statementCsv(actor.scope.tenantId, params.month, query.dialect),
  ),
  getNetworkStatement: defineRoute(routeOf('getNetworkStatement'), ({ params, actor }) =>
    usageStatement(params.tenantId, params.month, actor.clock.instant()),
  ),
  getNetworkStatementCsv: defineRoute(routeOf('getNetworkStatementCsv'), ({ params, query }) =>
    statementCsv(params.tenantId, params.month, query.dialect),
  ),
  getNationalStatement: defineRoute(routeOf('getNationalStatement'), ({ params, actor }) =>
    nationalStatement(params.period, actor.clock.instant()),
  ),
  getNationalStatementCsv: defineRoute(
    routeOf('getNationalStatementCsv'),
    async ({ params, query, actor }): Promise<BinaryBody> => {
      const csv = toCsv(
        nationalStatementTable(await nationalStatement(params.period, actor.clock.instant())),
        {
          dialect: query.dialect,
        },
      );
      return {
        bytes: new TextEncoder().encode(csv),
        fileName: nationalStatementFileName(params.period, 'csv'),
      };
    },
  ),
};

export { statsHandlers };
