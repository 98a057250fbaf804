/** Monitoring (SPEC §6): volumes from the counters, fee schedules, usage statements. */
import {
  FeeSchedule,
  FeeScheduleInput,
  FeeSchedulesResponse,
  Id,
  Month,
  NationalStatement,
  Role,
  StatementPeriod,
  UsageStatement,
  VolumesQuery,
  VolumesResponse,
} from '@socle/domain';
import * as z from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';

const R = Role;
const MonthParam = z.object({ month: Month });
const TenantMonthParams = z.object({ tenantId: Id, month: Month });
const PeriodParam = z.object({ period: StatementPeriod });
const CsvQuery = z.object({
  /** `excel` (default): what French Excel opens correctly; `plain`: RFC 4180 for programs. */
  dialect: z.enum(['excel', 'plain'], { error: 'format CSV inconnu (excel ou plain)' }).default('excel'),
});
const CSV = 'text/csv; charset=utf-8';
const PDF = 'application/pdf';

const statsRoutes = [
  {
    id: 'getVolumes',
    method: 'GET',
    path: '/stats/volumes',
    lambda: LambdaName.STATS,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN, R.JURY_SECRETARY],
    summary:
      'Volumes per month, region, network, organism or certification, from the counters (a network admin sees its network, a jury secretary its region, never per organism: 409 organism_not_available)',
    request: { query: VolumesQuery },
    response: { status: 200, schema: VolumesResponse },
  },
  {
    id: 'listFeeSchedules',
    method: 'GET',
    path: '/fees',
    lambda: LambdaName.STATS,
    scope: 'self',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN],
    summary: 'Fee schedules, newest first, and the defaults that apply before the first one',
    response: { status: 200, schema: FeeSchedulesResponse },
  },
  {
    id: 'putFeeSchedule',
    method: 'PUT',
    path: '/fees/{month}',
    lambda: LambdaName.STATS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Set the fees that apply from a month on (a new schedule, or a new version of it)',
    request: { params: MonthParam, body: FeeScheduleInput },
    response: { status: 200, schema: FeeSchedule },
  },
  {
    id: 'getOwnStatement',
    method: 'GET',
    path: '/statements/{month}',
    lambda: LambdaName.STATS,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: "The caller's network usage statement for a month",
    request: { params: MonthParam },
    response: { status: 200, schema: UsageStatement },
  },
  {
    id: 'getOwnStatementCsv',
    method: 'GET',
    path: '/statements/{month}/statement.csv',
    lambda: LambdaName.STATS,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: "The caller's network usage statement for a month, as CSV",
    request: { params: MonthParam, query: CsvQuery },
    response: { status: 200, schema: z.string(), contentType: CSV },
  },
  {
    id: 'getOwnStatementPdf',
    method: 'GET',
    path: '/statements/{month}/statement.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: "The caller's network usage statement for a month, as PDF",
    request: { params: MonthParam },
    response: { status: 200, schema: z.string(), contentType: PDF },
  },
  {
    id: 'getNetworkStatement',
    method: 'GET',
    path: '/tenants/{tenantId}/statements/{month}',
    lambda: LambdaName.STATS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: "A network's usage statement for a month",
    request: { params: TenantMonthParams },
    response: { status: 200, schema: UsageStatement },
  },
  {
    id: 'getNetworkStatementCsv',
    method: 'GET',
    path: '/tenants/{tenantId}/statements/{month}/statement.csv',
    lambda: LambdaName.STATS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: "A network's usage statement for a month, as CSV",
    request: { params: TenantMonthParams, query: CsvQuery },
    response: { status: 200, schema: z.string(), contentType: CSV },
  },
  {
    id: 'getNetworkStatementPdf',
    method: 'GET',
    path: '/tenants/{tenantId}/statements/{month}/statement.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: "A network's usage statement for a month, as PDF",
    request: { params: TenantMonthParams },
    response: { status: 200, schema: z.string(), contentType: PDF },
  },
  {
    id: 'getNationalStatement',
    method: 'GET',
    path: '/national-statement/{period}',
    lambda: LambdaName.STATS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary:
      "Every network's usage statement for a month (AAAA-MM) or a year (AAAA), each month at its fees, and the national totals (from the counters)",
    request: { params: PeriodParam },
    response: { status: 200, schema: NationalStatement },
  },
  {
    id: 'getNationalStatementCsv',
    method: 'GET',
    path: '/national-statement/{period}/statement.csv',
    lambda: LambdaName.STATS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'The national usage statement as CSV (one line per network and item, totals)',
    request: { params: PeriodParam, query: CsvQuery },
    response: { status: 200, schema: z.string(), contentType: CSV },
  },
  {
    id: 'getNationalStatementPdf',
    method: 'GET',
    path: '/national-statement/{period}/statement.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'The national usage statement as PDF',
    request: { params: PeriodParam },
    response: { status: 200, schema: z.string(), contentType: PDF },
  },
] as const satisfies readonly RouteDefinition[];

export { statsRoutes };
