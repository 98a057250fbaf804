/**
 * Every key of the table is built here and nowhere else (docs/data-model.md lists the patterns).
 * Tenant-owned items start with `T#<tenantId>`: the tenant always comes from a `TenantScope`,
 * which only the auth layer creates from a verified token.
 */
import { foldForSearch } from '@socle/domain';
import {
  FIXED_PARTITIONS as FIXED,
  KEY_PREFIXES as P,
  TENANT_PARTITION_SUFFIXES as SUB,
} from './keyPrefixes.ts';
import type { TenantScope } from './scope.ts';
import { INDEXES } from './table.ts';

type Key = { pk: string; sk: string };

/** The platform's idempotency scope (`PLATFORM#IDEM#…`, under the platform prefix). */
const FIXED_PARTITIONS_PLATFORM = P.platform.slice(0, -1);

const tenantPartition = (tenantId: string) => `${P.tenant}${tenantId}`;
const tenantPrefix = (scope: TenantScope) => tenantPartition(scope.tenantId);

/** Every audit partition key starts with this, and no other key does (append-only in IAM). */
const AUDIT_PREFIX = P.audit;

const keys = {
  tenant: (tenantId: string): Key => ({ pk: tenantPartition(tenantId), sk: 'TENANT' }),
  /** gsi1 "tenantsByName": the national admin's list of networks. */
  tenantsByName: (name: string, tenantId: string) => ({
    gsi1pk: FIXED.tenantsByName,
    gsi1sk: `${foldForSearch(name)}#${tenantId}`,
  }),

  organism: (scope: TenantScope, organismId: string): Key => ({
    pk: tenantPrefix(scope),
    sk: `ORG#${organismId}`,
  }),
  organismsPrefix: (scope: TenantScope) => ({ pk: tenantPrefix(scope), skPrefix: 'ORG#' }),

  user: (scope: TenantScope, userId: string): Key => ({ pk: tenantPrefix(scope), sk: `USER#${userId}` }),
  usersPrefix: (scope: TenantScope) => ({ pk: tenantPrefix(scope), skPrefix: 'USER#' }),

  /** The national admin's list of networks (gsi1 "tenantsByName"). */
  tenantsList: () => ({ index: INDEXES.tenantsByName, pk: FIXED.tenantsByName }),

  /** The claims source of one login (read by the token trigger and the dev issuer). */
  login: (userId: string): Key => ({ pk: `${P.login}${userId}`, sk: 'LOGIN' }),
  /** gsi1 "loginsByEmail": the dev issuer's list of users and the email lookup. */
  loginsByEmail: (email: string) => ({ gsi1pk: FIXED.loginsByEmail, gsi1sk: email }),
  /** Every login, by email (gsi1 "loginsByEmail"). */
  loginsList: () => ({ index: INDEXES.loginsByEmail, pk: FIXED.loginsByEmail }),
  /** Uniqueness guard: one login per email address across the platform. */
  emailClaim: (email: string): Key => ({ pk: `${P.emailClaim}${email}`, sk: 'EMAIL' }),

  candidate: (scope: TenantScope, candidateId: string): Key => ({
    pk: `${tenantPrefix(scope)}${SUB.candidate}${candidateId}`,
    sk: 'CANDIDATE',
  }),
  /** The candidate's partition: the candidate item and one link per dossier of theirs. */
  candidatePartition: (scope: TenantScope, candidateId: string) => ({
    pk: `${tenantPrefix(scope)}${SUB.candidate}${candidateId}`,
  }),
  /** "A candidate's dossiers" (subject access, erasure): written with the dossier. */
  candidateDossier: (scope: TenantScope, candidateId: string, dossierId: string): Key => ({
    pk: `${tenantPrefix(scope)}${SUB.candidate}${candidateId}`,
    sk: `DOSSIER#${dossierId}`,
  }),
  /**
   * gsi1 "dossiersByIdentity" (on the candidate's dossier link): the network's dossiers of one
   * person, keyed on a hash of the normalised identity (no name or birth date in a key), so an
   * opening finds a duplicate with one query; erasure deletes the link, entry included.
   */
  dossierIdentity: (scope: TenantScope, identityHash: string, dossierId: string) => ({
    gsi1pk: `${tenantPrefix(scope)}${SUB.dossiersByIdentity}${identityHash}`,
    gsi1sk: dossierId,
  }),
  dossiersByIdentity: (scope: TenantScope, identityHash: string) => ({
    index: INDEXES.dossiersByIdentity,
    pk: `${tenantPrefix(scope)}${SUB.dossiersByIdentity}${identityHash}`,
  }),
  /**
   * gsi4 "dormantCandidates" (sparse, on the candidate item): set while every dossier of the
   * candidate is closed, sorted by the day of their last activity, so that the candidates whose
   * retention has run are one range (`gsi4sk <= '<day>#\uffff'`) whatever the number of dossiers.
   */
  dormantCandidate: (scope: TenantScope, lastActivityOn: string, candidateId: string, dossierId: string) => ({
    gsi4pk: `${tenantPrefix(scope)}${SUB.dormantCandidates}`,
    gsi4sk: `${lastActivityOn}#${candidateId}#${dossierId}`,
  }),
  dormantCandidates: (scope: TenantScope) => ({
    index: INDEXES.dormantCandidates,
    pk: `${tenantPrefix(scope)}${SUB.dormantCandidates}`,
  }),
  dossier: (scope: TenantScope, dossierId: string): Key => ({
    pk: `${tenantPrefix(scope)}${SUB.dossier}${dossierId}`,
    sk: 'DOSSIER',
  }),
  /** gsi1 "dossiersByTenant", gsi2 "dossiersByStatus", gsi3 "dossiersByOrganism"; sorted by id = opening time. */
  dossierIndexes: (scope: TenantScope, d: { id: string; status: string; organismId: string }) => ({
    gsi1pk: `${tenantPrefix(scope)}${SUB.dossiersByTenant}`,
    gsi1sk: d.id,
    gsi2pk: `${tenantPrefix(scope)}${SUB.dossiersByStatus}${d.status}`,
    gsi2sk: d.id,
    gsi3pk: `${tenantPrefix(scope)}${SUB.dossiersByOrganism}${d.organismId}`,
    gsi3sk: d.id,
  }),
  dossiersByTenant: (scope: TenantScope) => ({
    index: INDEXES.dossiersByTenant,
    pk: `${tenantPrefix(scope)}${SUB.dossiersByTenant}`,
  }),
  dossiersByStatus: (scope: TenantScope, status: string) => ({
    index: INDEXES.dossiersByStatus,
    pk: `${tenantPrefix(scope)}${SUB.dossiersByStatus}${status}`,
  }),
  dossiersByOrganism: (scope: TenantScope, organismId: string) => ({
    index: INDEXES.dossiersByOrganism,
    pk: `${tenantPrefix(scope)}${SUB.dossiersByOrganism}${organismId}`,
  }),
  /**
   * gsi4 "deadlinesByMonth": sparse, set only while a dossier can expire, so the expiry sweep reads
   * the dossiers whose deadline month has come instead of scanning.
   */
  deadlineIndex: (scope: TenantScope, dossierId: string, deadline: string) => ({
    gsi4pk: `${P.deadlinesByMonth}${deadline.slice(0, 7)}`,
    gsi4sk: `${deadline}#${scope.tenantId}#${dossierId}`,
  }),
  deadlinesOfMonth: (month: string) => ({
    index: INDEXES.deadlinesByMonth,
    pk: `${P.deadlinesByMonth}${month}`,
  }),
  evaluation: (scope: TenantScope, dossierId: string, evaluationId: string): Key => ({
    pk: `${tenantPrefix(scope)}${SUB.dossier}${dossierId}`,
    sk: `EVAL#${evaluationId}`,
  }),
  trainingPlan: (scope: TenantScope, dossierId: string, planId: string): Key => ({
    pk: `${tenantPrefix(scope)}${SUB.dossier}${dossierId}`,
    sk: `PLAN#${planId}`,
  }),
  referentiel: (referentielId: string): Key => ({
    pk: `${P.referentiel}${referentielId}`,
    sk: 'REFERENTIEL',
  }),
  /** gsi1 "referentielsByCertification". */
  referentielListing: (certification: string, referentielId: string) => ({
    gsi1pk: FIXED.referentielsByCertification,
    gsi1sk: `${certification}#${referentielId}`,
  }),
  /** The published version new dossiers of a certification are opened under. */
  currentReferentiel: (certification: string): Key => ({
    pk: `${P.referentiel}CURRENT#${certification}`,
    sk: 'CURRENT',
  }),
  juryMember: (region: string, userId: string): Key => ({ pk: `${P.jury}${region}`, sk: `MEMBER#${userId}` }),
  juryMembersPrefix: (region: string) => ({ pk: `${P.jury}${region}`, skPrefix: 'MEMBER#' }),
  /** A dossier submitted to its region's jury, waiting for (or on) a session's agenda. */
  pipelineEntry: (region: string, dossierId: string): Key => ({
    pk: `${P.jury}${region}`,
    sk: `PIPELINE#${dossierId}`,
  }),
  pipelinePrefix: (region: string) => ({ pk: `${P.jury}${region}`, skPrefix: 'PIPELINE#' }),
  jurySession: (region: string, sessionId: string): Key => ({
    pk: `${P.jury}${region}`,
    sk: `SESSION#${sessionId}`,
  }),
  jurySessionsPrefix: (region: string) => ({ pk: `${P.jury}${region}`, skPrefix: 'SESSION#' }),
  /** Agenda entries live in the session's own partition: hundreds per session. */
  agendaEntry: (sessionId: string, dossierId: string): Key => ({
    pk: `${P.jurySession}${sessionId}`,
    sk: `AGENDA#${dossierId}`,
  }),
  agendaPrefix: (sessionId: string) => ({ pk: `${P.jurySession}${sessionId}`, skPrefix: 'AGENDA#' }),
  /** The jury's quorum and majority, set by the national admin (one item, versioned, audited). */
  jurySettings: (): Key => ({ pk: FIXED.jurySettings, sk: 'SETTINGS' }),
  certificate: (code: string): Key => ({ pk: `${P.certificate}${code}`, sk: 'CERTIFICATE' }),
  /** The next Open Badges status-list index to allocate (one per certificate, never reused). */
  statusListCounter: (): Key => ({ pk: FIXED.statusList, sk: 'COUNTER' }),
  /** One Bitstring Status List: the revoked indices among its 131,072 entries. */
  statusList: (list: number): Key => ({ pk: FIXED.statusList, sk: `LIST#${list}` }),
  /** gsi1 "certificatesBySession": what a session issued (its minutes, and the closing checks). */
  certificatesBySession: (sessionId: string, code: string) => ({
    gsi1pk: `${P.certificateListing}SESSION#${sessionId}`,
    gsi1sk: code,
  }),
  /** gsi2 "certificatesByYear" (national register) and gsi3 "certificatesByTenant" (a network's). */
  certificateListings: (tenantId: string, issuedOn: string, code: string) => ({
    gsi2pk: `${P.certificateListing}${issuedOn.slice(0, 4)}`,
    gsi2sk: `${issuedOn}#${code}`,
    gsi3pk: `${tenantPartition(tenantId)}${SUB.certificatesByTenant}`,
    gsi3sk: `${issuedOn}#${code}`,
  }),
  /** gsi2 "certificatesByYear": the national register of one year. */
  certificatesByYear: (year: string) => ({
    index: INDEXES.certificatesByYear,
    pk: `${P.certificateListing}${year}`,
  }),
  /** gsi3 "certificatesByTenant": a network's register. */
  certificatesByTenant: (tenantId: string) => ({
    index: INDEXES.certificatesByTenant,
    pk: `${tenantPartition(tenantId)}${SUB.certificatesByTenant}`,
  }),
  /** gsi4 "paperCopiesByStatus" (sparse, on the certificate): set while a copy is still to process. */
  paperCopyQueue: (status: string, requestedAt: string, code: string) => ({
    gsi4pk: `${P.paperCopiesByStatus}${status}`,
    gsi4sk: `${requestedAt}#${code}`,
  }),
  paperCopiesByStatus: (status: string) => ({
    index: INDEXES.paperCopiesByStatus,
    pk: `${P.paperCopiesByStatus}${status}`,
  }),
  /** At most one certificate per dossier, whatever happens during a session's closing. */
  dossierCertificate: (scope: TenantScope, dossierId: string): Key => ({
    pk: `${tenantPrefix(scope)}${SUB.dossier}${dossierId}`,
    sk: 'CERTIFICATE',
  }),
  /**
   * Audit trails live in partitions of their own, all under `AUDIT#`, so that IAM can make them
   * append-only (`dynamodb:LeadingKeys` only sees partition keys): every function role is denied
   * UpdateItem, DeleteItem and BatchWriteItem on `AUDIT#*` (infra SocleTable/SocleFunction). The
   * tenant-scoped trails start with `AUDIT#T#` (a tenant-scoped role gets `AUDIT#T#*`, never the
   * platform trail). Sort keys are `<at>#<eventId>`: time order.
   */
  dossierAudit: (scope: TenantScope, dossierId: string, at: string, eventId: string): Key => ({
    pk: `${AUDIT_PREFIX}${tenantPrefix(scope)}#D#${dossierId}`,
    sk: `${at}#${eventId}`,
  }),
  /** A dossier's whole trail (one partition). */
  dossierAuditTrail: (scope: TenantScope, dossierId: string) => ({
    pk: `${AUDIT_PREFIX}${tenantPrefix(scope)}#D#${dossierId}`,
  }),
  /** Audit events of a tenant's settings (organisms, users) and of its candidates (exports, erasures). */
  tenantAudit: (tenantId: string, at: string, eventId: string): Key => ({
    pk: `${AUDIT_PREFIX}${tenantPartition(tenantId)}`,
    sk: `${at}#${eventId}`,
  }),
  tenantAuditTrail: (tenantId: string) => ({ pk: `${AUDIT_PREFIX}${tenantPartition(tenantId)}` }),
  /** Audit events of the platform: networks, référentiels, juries, certificates, settings. */
  platformAudit: (at: string, eventId: string): Key => ({
    pk: FIXED.platformAudit,
    sk: `${at}#${eventId}`,
  }),
  platformAuditTrail: () => ({ pk: FIXED.platformAudit }),

  /**
   * A monitoring counter cell: one month × organism (hence region) × certification of a network.
   * The network reads its own range in one query (`T#<t>#STATS`, sk from month to month); gsi1
   * "countersByMonth" gives the national and regional views one query per month, whatever the
   * number of dossiers.
   */
  counterCell: (cell: {
    month: string;
    region: string;
    tenantId: string;
    organismId: string;
    certification: string;
  }) => ({
    pk: `${tenantPartition(cell.tenantId)}${SUB.counters}`,
    sk: `${cell.month}#${cell.region}#${cell.organismId}#${cell.certification}`,
    gsi1pk: `${P.countersByMonth}${cell.month}`,
    gsi1sk: `${cell.region}#${cell.tenantId}#${cell.organismId}#${cell.certification}`,
  }),
  tenantCounters: (scope: TenantScope) => ({ pk: `${tenantPrefix(scope)}${SUB.counters}` }),
  countersOfMonth: (month: string) => ({
    index: INDEXES.countersByMonth,
    pk: `${P.countersByMonth}${month}`,
  }),
  /** Fee schedules, one per month they start applying. */
  feeSchedule: (month: string): Key => ({ pk: FIXED.feeSchedules, sk: `FROM#${month}` }),
  feeSchedules: () => ({ pk: FIXED.feeSchedules, skPrefix: 'FROM#' }),

  /** The data protection settings (retention), set by the national admin. */
  dataProtectionSettings: (): Key => ({ pk: FIXED.dataProtectionSettings, sk: 'SETTINGS' }),

  /** Where a request's idempotency records live: its tenant, or the platform for national routes. */
  idempotencyScope: (tenantId: string | undefined) =>
    tenantId ? tenantPartition(tenantId) : FIXED_PARTITIONS_PLATFORM,
  /** Idempotency records are scoped: the same key from two tenants is two different requests. */
  idempotency: (scopeKey: string, idempotencyKey: string): Key => ({
    pk: `${scopeKey}${SUB.idempotency}${idempotencyKey}`,
    sk: 'IDEM',
  }),
  /** A public rate-limit counter: one per bucket, window and client, expired by TTL. */
  rateLimitWindow: (bucket: string, window: number | string, client: string): Key => ({
    pk: `${P.rateLimit}${bucket}#${window}#${client}`,
    sk: 'RATE',
  }),
  /** A lock on a subject (e.g. a certificate whose holder's name was missed too often). */
  rateLimitLock: (bucket: string, subject: string): Key => ({
    pk: `${P.rateLimit}lock#${bucket}#${subject}`,
    sk: 'LOCK',
  }),
  /** An address that must receive nothing, by the hash of its normalised form. */
  suppression: (emailHash: string): Key => ({ pk: `${P.suppression}${emailHash}`, sk: 'SUPPRESSION' }),
} as const;

export type { Key };
export { AUDIT_PREFIX, keys, tenantPrefix };
