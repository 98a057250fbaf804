/**
 * Monitoring routes (`/stats/volumes`), fee schedules (`/fees`) and usage statements
 * (`/statements`, `/tenants/{tenantId}/statements`), with the domain's schemas.
 */
import { FeeSchedule, FeeSchedulesResponse, UsageStatement, VolumesResponse } from '@socle/domain';
import type { FeeScheduleInput, VolumesQuery } from '@socle/domain';
import { createDownloader, createRequester } from './client';
import type { Fetch } from './client';

type VolumesParams = Omit<VolumesQuery, 'groupBy'> & { groupBy?: VolumesQuery['groupBy'] };
type CsvDialect = 'excel' | 'plain';

const seg = encodeURIComponent;

/** The statement's base path: the caller's own network, or a given network (national admin). */
const statementPath = (month: string, tenantId?: string) =>
  tenantId ? `/tenants/${seg(tenantId)}/statements/${seg(month)}` : `/statements/${seg(month)}`;

const createStatsApi = (fetchFn?: Fetch) => {
  const request = createRequester(fetchFn);
  const download = createDownloader(fetchFn);
  return {
    volumes: (query: VolumesParams) =>
      request({ method: 'GET', path: '/stats/volumes', query: { ...query }, schema: VolumesResponse }),

    fees: {
      list: () => request({ method: 'GET', path: '/fees', schema: FeeSchedulesResponse }),
      /** Sets the fees applying from `month` on (`version` of the schedule replaced, if any). */
      put: (month: string, body: FeeScheduleInput) =>
        request({ method: 'PUT', path: `/fees/${seg(month)}`, body, schema: FeeSchedule }),
    },

    statements: {
      get: (month: string, tenantId?: string) =>
        request({ method: 'GET', path: statementPath(month, tenantId), schema: UsageStatement }),
      csv: (month: string, dialect: CsvDialect, tenantId?: string) =>
        download(`${statementPath(month, tenantId)}/statement.csv?dialect=${dialect}`, 'text/csv'),
      pdf: (month: string, tenantId?: string) =>
        download(`${statementPath(month, tenantId)}/statement.pdf`, 'application/pdf'),
    },
  };
};

type StatsApi = ReturnType<typeof createStatsApi>;

export type { CsvDialect, StatsApi, VolumesParams };
export { createStatsApi, statementPath };
