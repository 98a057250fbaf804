/**
 * Monitoring: volumes, fee schedules and usage statements (the caller's network's, or a given
 * network's for the national admin). Each function is one route of the contract, called by id.
 */
import { createClient } from './client';
import type { BodyOf, Fetch, QueryOf } from './client';

type VolumesParams = QueryOf<'getVolumes'>;
type CsvDialect = NonNullable<QueryOf<'getOwnStatementCsv'>['dialect']>;

const createStatsApi = (fetchFn?: Fetch) => {
  const { call } = createClient(fetchFn);
  return {
    volumes: (query: VolumesParams) => call('getVolumes', { query }),

    fees: {
      list: () => call('listFeeSchedules'),
      /** Sets the fees applying from `month` on (`version` of the schedule replaced, if any). */
      put: (month: string, body: BodyOf<'putFeeSchedule'>) =>
        call('putFeeSchedule', { params: { month }, body }),
    },

    /** Without `tenantId`, the caller's own network's statement; with it, that network's (national admin). */
    statements: {
      get: (month: string, tenantId?: string) =>
        tenantId
          ? call('getNetworkStatement', { params: { tenantId, month } })
          : call('getOwnStatement', { params: { month } }),
      csv: (month: string, dialect: CsvDialect, tenantId?: string) =>
        tenantId
          ? call('getNetworkStatementCsv', { params: { tenantId, month }, query: { dialect } })
          : call('getOwnStatementCsv', { params: { month }, query: { dialect } }),
      pdf: (month: string, tenantId?: string) =>
        tenantId
          ? call('getNetworkStatementPdf', { params: { tenantId, month } })
          : call('getOwnStatementPdf', { params: { month } }),
    },
  };
};

type StatsApi = ReturnType<typeof createStatsApi>;

export type { CsvDialect, StatsApi, VolumesParams };
export { createStatsApi };
