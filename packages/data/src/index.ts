export type { AuditInput, WriteContext } from './audit.ts';
export { auditPut, listAuditEvents } from './audit.ts';
export { createDocumentClient, db } from './client.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export type { DossierDetail, TransitionOptions } from './dossiers.ts';
export {
  batchGetDossiers,
  findDossier,
  getDossier,
  getDossierDetail,
  listDossierAudit,
  listDossiers,
  openDossier,
  reopenDossier,
  transitionDossier,
  updateDossier,
  withdrawDossier,
} from './dossiers.ts';
export type { IdempotencyRequest, StoredResponse } from './idempotency.ts';
export { IdempotentReplay, findStoredResponse, idempotencyPut } from './idempotency.ts';
export type { Key } from './keys.ts';
export { keys } from './keys.ts';
export { createOrganism, getOrganism, listOrganisms, updateOrganism } from './organisms.ts';
export type { TenantScope } from './scope.ts';
export { platformScopeFor, tenantScopeOf } from './scope.ts';
export { tableDefinition, tableName } from './table.ts';
export { createTableInput } from './createTable.ts';
export { changeTenant, createTenant, findTenant, getTenant, listTenants } from './tenants.ts';
export type { GuardedItem } from './transact.ts';
export { buildTransaction, transact } from './transact.ts';
export type { Login } from './users.ts';
export {
  claimsOf,
  createPlatformLogin,
  findLogin,
  getUser,
  inviteUser,
  listLogins,
  listTenantAdmins,
  listUsers,
  updateUser,
} from './users.ts';
