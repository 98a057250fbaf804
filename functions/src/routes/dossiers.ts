/** Dossiers: opening, lists, edits, withdrawal, audit. */
import {
  AuditEvent,
  Dossier,
  DossierDetail,
  DossierListQuery,
  DossierOpen,
  DossierReopen,
  DossierUpdate,
  DossierWithdraw,
  IdParam,
  page,
  PageQuery,
  Role,
} from '@socle/domain';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';
import { STAFF } from './roles.ts';

const R = Role;

const dossierRoutes = [
  {
    id: 'listDossiers',
    method: 'GET',
    path: '/dossiers',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: STAFF,
    summary: 'Dossiers, newest first, filtered by status, organism or name',
    request: { query: DossierListQuery },
    response: { status: 200, schema: page(Dossier) },
  },
  {
    id: 'openDossier',
    method: 'POST',
    path: '/dossiers',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: [R.ADVISOR],
    summary: "Create a candidate and open their dossier (with the candidate's consent)",
    request: { body: DossierOpen },
    response: { status: 201, schema: DossierDetail },
    idempotent: true,
  },
  {
    id: 'getDossier',
    method: 'GET',
    path: '/dossiers/{dossierId}',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: STAFF,
    summary: 'A dossier with its candidate',
    request: { params: IdParam('dossierId') },
    response: { status: 200, schema: DossierDetail },
  },
  {
    id: 'updateDossier',
    method: 'PATCH',
    path: '/dossiers/{dossierId}',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: [R.ADVISOR],
    summary: "Edit a dossier's path details and the candidate's contact data",
    request: { params: IdParam('dossierId'), body: DossierUpdate },
    response: { status: 200, schema: DossierDetail },
  },
  {
    id: 'listDossierAudit',
    method: 'GET',
    path: '/dossiers/{dossierId}/audit',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: STAFF,
    summary: "The dossier's audit timeline, newest first",
    request: { params: IdParam('dossierId'), query: PageQuery },
    response: { status: 200, schema: page(AuditEvent) },
  },
  {
    id: 'withdrawDossier',
    method: 'POST',
    path: '/dossiers/{dossierId}/withdraw',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: [R.ADVISOR],
    summary: 'Record that the candidate stops (reversible)',
    request: { params: IdParam('dossierId'), body: DossierWithdraw },
    response: { status: 200, schema: DossierDetail },
  },
  {
    id: 'reopenDossier',
    method: 'POST',
    path: '/dossiers/{dossierId}/reopen',
    lambda: LambdaName.DOSSIERS,
    scope: 'tenant',
    roles: [R.ADVISOR],
    summary: 'Reopen a withdrawn dossier in the state it had',
    request: { params: IdParam('dossierId'), body: DossierReopen },
    response: { status: 200, schema: DossierDetail },
  },
] as const satisfies readonly RouteDefinition[];

export { dossierRoutes };
