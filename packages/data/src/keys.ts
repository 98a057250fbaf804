/**
 * Every key of the table is built here and nowhere else (docs/data-model.md lists the patterns).
 * Tenant-owned items start with `T#<tenantId>`: the tenant always comes from a `TenantScope`,
 * which only the auth layer creates from a verified token.
 */
import { foldForSearch } from '@socle/domain';
import type { TenantScope } from './scope.ts';

type Key = { pk: string; sk: string };

const tenantPrefix = (scope: TenantScope) => `T#${scope.tenantId}`;

const keys = {
  tenant: (tenantId: string): Key => ({ pk: `T#${tenantId}`, sk: 'TENANT' }),
  /** gsi1 "tenantsByName": the national admin's list of networks. */
  tenantsByName: (name: string, tenantId: string) => ({
    gsi1pk: 'TENANTS',
    gsi1sk: `${foldForSearch(name)}#${tenantId}`,
  }),

  organism: (scope: TenantScope, organismId: string): Key => ({
    pk: tenantPrefix(scope),
    sk: `ORG#${organismId}`,
  }),
  organismsPrefix: (scope: TenantScope) => ({ pk: tenantPrefix(scope), skPrefix: 'ORG#' }),

  user: (scope: TenantScope, userId: string): Key => ({ pk: tenantPrefix(scope), sk: `USER#${userId}` }),
  usersPrefix: (scope: TenantScope) => ({ pk: tenantPrefix(scope), skPrefix: 'USER#' }),

  /** The claims source of one login (read by the token trigger and the dev issuer). */
  login: (userId: string): Key => ({ pk: `LOGIN#${userId}`, sk: 'LOGIN' }),
  /** gsi1 "loginsByEmail": the dev issuer's list of users and the email lookup. */
  loginsByEmail: (email: string) => ({ gsi1pk: 'LOGINS', gsi1sk: email }),
  /** Uniqueness guard: one login per email address across the platform. */
  emailClaim: (email: string): Key => ({ pk: `EMAIL#${email}`, sk: 'EMAIL' }),

  candidate: (scope: TenantScope, candidateId: string): Key => ({
    pk: `${tenantPrefix(scope)}#C#${candidateId}`,
    sk: 'CANDIDATE',
  }),
  dossier: (scope: TenantScope, dossierId: string): Key => ({
    pk: `${tenantPrefix(scope)}#D#${dossierId}`,
    sk: 'DOSSIER',
  }),
  /** gsi1 "dossiersByTenant", gsi2 "dossiersByStatus", gsi3 "dossiersByOrganism"; sorted by id = opening time. */
  dossierIndexes: (scope: TenantScope, d: { id: string; status: string; organismId: string }) => ({
    gsi1pk: `${tenantPrefix(scope)}#DOSSIERS`,
    gsi1sk: d.id,
    gsi2pk: `${tenantPrefix(scope)}#DSTATUS#${d.status}`,
    gsi2sk: d.id,
    gsi3pk: `${tenantPrefix(scope)}#DORG#${d.organismId}`,
    gsi3sk: d.id,
  }),
  dossiersByTenant: (scope: TenantScope) => ({ index: 'gsi1', pk: `${tenantPrefix(scope)}#DOSSIERS` }),
  dossiersByStatus: (scope: TenantScope, status: string) => ({
    index: 'gsi2',
    pk: `${tenantPrefix(scope)}#DSTATUS#${status}`,
  }),
  dossiersByOrganism: (scope: TenantScope, organismId: string) => ({
    index: 'gsi3',
    pk: `${tenantPrefix(scope)}#DORG#${organismId}`,
  }),
  /** Audit events of a dossier live in the dossier's item collection, in time order. */
  dossierAudit: (scope: TenantScope, dossierId: string, at: string, eventId: string): Key => ({
    pk: `${tenantPrefix(scope)}#D#${dossierId}`,
    sk: `AUDIT#${at}#${eventId}`,
  }),
  /** Audit events of a tenant's settings (organisms, users) and of the platform. */
  tenantAudit: (tenantId: string, at: string, eventId: string): Key => ({
    pk: `T#${tenantId}#AUDIT`,
    sk: `${at}#${eventId}`,
  }),
  platformAudit: (at: string, eventId: string): Key => ({ pk: 'PLATFORM#AUDIT', sk: `${at}#${eventId}` }),

  /** Idempotency records are scoped: the same key from two tenants is two different requests. */
  idempotency: (scopeKey: string, idempotencyKey: string): Key => ({
    pk: `${scopeKey}#IDEM#${idempotencyKey}`,
    sk: 'IDEM',
  }),
} as const;

export type { Key };
export { keys, tenantPrefix };
