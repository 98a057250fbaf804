/**
 * Data protection (SPEC §7): the retention setting (national admin), a candidate's subject access
 * export (JSON here, PDF from the documents Lambda) and their erasure, and the list of candidates
 * whose erasure is due (network admin).
 */
import {
  CandidateIdParam,
  DataProtectionSettings,
  DataProtectionSettingsUpdate,
  DueErasureList,
  DueErasureQuery,
  ErasureAssessment,
  ErasureRequest,
  ErasureResult,
  Role,
  SubjectAccessExport,
} from '@socle/domain';
import * as z from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';

const R = Role;

const dataProtectionRoutes = [
  {
    id: 'getDataProtectionSettings',
    method: 'GET',
    path: '/data-protection/settings',
    lambda: LambdaName.PRIVACY,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN, R.NETWORK_ADMIN],
    summary: 'The retention of candidates’ data after their last dossier closed (default 3 years)',
    response: { status: 200, schema: DataProtectionSettings },
  },
  {
    id: 'putDataProtectionSettings',
    method: 'PUT',
    path: '/data-protection/settings',
    lambda: LambdaName.PRIVACY,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Set the retention (1 to 10 years); versioned, audited',
    request: { body: DataProtectionSettingsUpdate },
    response: { status: 200, schema: DataProtectionSettings },
  },
  {
    id: 'listDueErasures',
    method: 'GET',
    path: '/data-protection/due-erasures',
    lambda: LambdaName.PRIVACY,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary:
      'The network’s candidates whose dossiers are all closed and whose retention has run (erasure due), oldest last activity first, with the retention in force',
    request: { query: DueErasureQuery },
    response: { status: 200, schema: DueErasureList },
  },
  {
    id: 'exportCandidateData',
    method: 'GET',
    path: '/candidates/{candidateId}/export',
    lambda: LambdaName.PRIVACY,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary:
      'Everything the network holds about a candidate (GDPR access): identity, dossiers, evaluations, plan, jury decisions, certificate, audit trail; the export is audited',
    request: { params: CandidateIdParam },
    response: { status: 200, schema: SubjectAccessExport },
  },
  {
    id: 'getCandidateExportPdf',
    method: 'GET',
    path: '/candidates/{candidateId}/export.pdf',
    lambda: LambdaName.DOCUMENTS,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: 'The same export as a readable PDF (French); audited',
    request: { params: CandidateIdParam },
    response: { status: 200, schema: z.string(), contentType: 'application/pdf' },
  },
  {
    id: 'getErasureAssessment',
    method: 'GET',
    path: '/candidates/{candidateId}/erasure',
    lambda: LambdaName.PRIVACY,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: 'Whether the candidate’s data may be erased today, and otherwise why and from when',
    request: { params: CandidateIdParam },
    response: { status: 200, schema: ErasureAssessment },
  },
  {
    id: 'eraseCandidate',
    method: 'POST',
    path: '/candidates/{candidateId}/erasure',
    lambda: LambdaName.PRIVACY,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary:
      'Erase the candidate’s data (all dossiers closed, retention over; 409 with the reasons otherwise), confirmed by their last name; the register keeps the first name and last initial',
    request: { params: CandidateIdParam, body: ErasureRequest },
    response: { status: 200, schema: ErasureResult },
  },
] as const satisfies readonly RouteDefinition[];

export { dataProtectionRoutes };
