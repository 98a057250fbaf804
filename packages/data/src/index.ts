export type { AuditInput, WriteContext } from './audit.ts';
export { auditPut, listAuditEvents } from './audit.ts';
export {
  AWS_MAX_ATTEMPTS,
  AWS_REQUEST_TIMEOUT_MS,
  OUTAGE_RETRY_AFTER_SECONDS,
  awsClientConfig,
  isAwsOutage,
} from './awsClientConfig.ts';
export type { ClientObserver } from './client.ts';
export {
  TENANT_ROLE_ARN_ENV,
  TENANT_SESSION_TAG,
  createDocumentClient,
  db,
  observeDocumentClients,
  scopeCredentialsToTenant,
  withTenantCredentials,
} from './client.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export type { DossierDetail, TransitionOptions } from './dossiers.ts';
export {
  dossierItemOf,
  identityHashOf as dossierIdentityHash,
  batchGetDossiers,
  findDossier,
  getDossier,
  getDossierDetail,
  listDossierAudit,
  listDossiers,
  openDossier,
  recordPortfolioIssued,
  reopenDossier,
  saveDossier,
  transitionDossier,
  updateDossier,
  withdrawDossier,
} from './dossiers.ts';
export type { IdempotencyRequest, StoredResponse } from './idempotency.ts';
export {
  IdempotentReplay,
  findStoredResponse,
  idempotencyPut,
  storeIdempotentResponse,
} from './idempotency.ts';
export type { Key } from './keys.ts';
export { keys } from './keys.ts';
export type { CreatePlanInput } from './trainingPlans.ts';
export { createTrainingPlan, getTrainingPlan, updateTrainingPlan } from './trainingPlans.ts';
export {
  getEvaluation,
  listEvaluations,
  saveEvaluation,
  startEvaluation,
  statusesAfter,
  submitEvaluation,
} from './evaluations.ts';
export type { ReminderResult, SweepResult } from './expiry.ts';
export { sendDeadlineReminders, sweepExpiredDossiers } from './expiry.ts';
export type { StoredReferentiel } from './referentiels.ts';
export {
  findCurrentReferentielId,
  getReferentiel,
  importReferentiel,
  listReferentiels,
  parseReferentielFile,
  publishReferentiel,
  updateReferentielSettings,
} from './referentiels.ts';
export type { Restitution } from './restitution.ts';
export { getRestitution } from './restitution.ts';
export { createOrganism, getOrganism, listOrganisms, updateOrganism } from './organisms.ts';
export type { TenantActor, TenantReach, TenantScope } from './scope.ts';
export { actingOn, platformScopeFor, tenantScopeOf } from './scope.ts';
export { tableDefinition, tableName } from './table.ts';
export { createTableInput } from './createTable.ts';
export { changeTenant, createTenant, findTenant, getTenant, listTenants } from './tenants.ts';
export type { GuardedItem } from './transact.ts';
export { buildTransaction, transact } from './transact.ts';
export type { LoginStatusCache, LoginStatusOptions } from './loginStatus.ts';
export {
  LOGIN_STATUS_TTL_MS,
  createLoginStatusCache,
  loginStatus,
  setLoginStatusClock,
} from './loginStatus.ts';
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
  loginItemOf,
  updateUser,
  withdrawUserInvitation,
} from './users.ts';
export type { CloseResult, FaultHook } from './juryClosing.ts';
export { closeSession } from './juryClosing.ts';
export {
  conflictedMembers,
  decide,
  decisionStands,
  declareConflict,
  readAgendaDossier,
  recordMovement,
  setAttendance,
  vote,
} from './juryDeliberation.ts';
export { getJurySettings, putJurySettings } from './jurySettings.ts';
export {
  getJuryMember,
  inviteJuryMember,
  listJuryMembers,
  updateJuryMember,
  withdrawJuryMemberInvitation,
} from './juryMembers.ts';
export type { PipelineEntry } from './juryPipeline.ts';
export { listPipeline, masteryOf, submitToJury } from './juryPipeline.ts';
export {
  addToAgenda,
  cancelSession,
  createSession,
  getAgendaEntry,
  getSession,
  listAgenda,
  listSessions,
  regionOf,
  removeFromAgenda,
  rescheduleSession,
  sessionItem,
} from './jurySessions.ts';
export type { Certificate, CertificateHolder, PaperCopy, StoredCertificate } from './entities/certificate.ts';
export {
  advancePaperCopy,
  confirmHolder,
  findCertificate,
  getCertificateFor,
  holderOf,
  listPaperCopies,
  publicView,
  paperCopyRecipientFor,
  requestPaperCopy,
  revokeCertificate,
} from './certificates.ts';
export type { OpenBadgeEntry } from './credentialStatus.ts';
export {
  STATUS_LIST_SIZE,
  openBadgeEntryFor,
  revokedPositions,
  statusListExists,
  statusListOf,
  statusListOnRevocation,
} from './credentialStatus.ts';
export type { CounterRead } from './counters.ts';
export {
  countedDossierOf,
  counterUpdate,
  counterUpdateFor,
  readAllCounters,
  readTenantCounters,
} from './counters.ts';
export type { CounterDrift, RebuildReport } from './counterRebuild.ts';
export { rebuildCounters } from './counterRebuild.ts';
export type { StatsViewer } from './stats.ts';
export { listFeeSchedules, putFeeSchedule, readVolumes, usageStatement } from './stats.ts';
export type { RateLimitOptions, RateLimitResult } from './rateLimit.ts';
export { consumeRateLimit } from './rateLimit.ts';
export type { CandidateRecords, JuryRecord, StoredDossier } from './dataProtection.ts';
export {
  assessErasure,
  getDataProtectionSettings,
  loadCandidate,
  putDataProtectionSettings,
} from './dataProtection.ts';
export type { DormancyChange } from './dormantCandidates.ts';
export {
  listDueErasures,
  reindexAllDormantCandidates,
  reindexDormantCandidates,
} from './dormantCandidates.ts';
export type { EraseOptions, ErasureFault } from './erasure.ts';
export { eraseCandidate } from './erasure.ts';
export { exportSubjectData } from './subjectAccess.ts';
export type {
  CandidateMessageInput,
  LocalMail,
  MessageInput,
  OutboxMessage,
  PersonMessageInput,
  StoredMessage,
} from './outbox.ts';
export {
  KEEP_AFTER_DELIVERY_DAYS,
  candidateMessage,
  claimMessage,
  closeMessage,
  findMessageCandidate,
  juryMemberMessage,
  listCandidateMessageKeys,
  listLocalMail,
  listPendingMessages,
  messageIdOf,
  outboxKeys,
  putLocalMail,
  recordSendFailure,
  staffMessage,
} from './outbox.ts';
export type { SuppressionInput } from './suppression.ts';
export {
  SuppressionReason,
  normaliseEmail,
  suppressAddress,
  suppressedAmong,
  suppressionKey,
} from './suppression.ts';
export type { RegisterCriteria } from './certificateList.ts';
export { countRegister, exportRegister, listRegister } from './certificateList.ts';
export type { DossierListCriteria } from './dossierList.ts';
export { countDossiers, exportDossiers } from './dossierExport.ts';
export type { ListTotal } from './listQuery.ts';
export type { CopyToPrint } from './paperCopyBatch.ts';
export { copiesToPrint, markBatchPrinted } from './paperCopyBatch.ts';
export { nationalStatement } from './nationalStatement.ts';
export type { AgendaPublication } from './juryAgendaPublication.ts';
export { publishAgenda } from './juryAgendaPublication.ts';
