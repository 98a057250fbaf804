/**
 * Every rule code the API may send with a refusal (409 `{ error: code }`, a field's `code` on a 400,
 * 401 `access_revoked`): one closed union of each context's list, so that a free string given to
 * `RuleViolationError` fails to compile and the web must word each code
 * (web/src/lib/api/ruleMessages.ts). The contexts with a folder of their own keep their list there;
 * the others are listed here. A code belongs to one list only (checked by ruleCodes.test.ts).
 * This module imports only other lists: errors.ts reads its type, without an import cycle.
 */
import { JURY_RULE_CODES } from '../jury/codes.ts';
import { NOTIFICATION_RULE_CODES } from '../notifications/codes.ts';
import { PATH_RULE_CODES } from '../path/codes.ts';

/** Who may act now (packages/domain/src/access.ts): the 401 body's `error`. */
const ACCESS_RULE_CODES = ['access_revoked'] as const;
/** Staff and jury accounts (rules/accounts.ts). */
const ACCOUNT_RULE_CODES = [
  'invitation_not_sent',
  'email_in_network',
  'email_unavailable',
  'self_lockout',
] as const;
/** Networks and their organisms, as the national admin manages them (rules/network.ts). */
const NETWORK_RULE_CODES = ['already_suspended', 'already_active', 'organism_unavailable'] as const;
/** Référentiel versions (rules/referentiel.ts). */
const REFERENTIEL_RULE_CODES = ['referentiel_published'] as const;
/** The certificate register (rules/certificate.ts). */
const CERTIFICATE_RULE_CODES = ['holder_erased', 'already_revoked', 'certificate_changed'] as const;
/** A certificate's paper copy (rules/paperCopy.ts). */
const PAPER_COPY_RULE_CODES = ['paper_copy_pending', 'paper_copy_state'] as const;
/** The holder confirming their identity on a public certificate (rules/holderConfirmation.ts). */
const CONFIRMATION_RULE_CODES = ['confirmation_locked'] as const;
/** A candidate's data: erasure and dormancy (dataProtection.ts, rules/dataProtection.ts). */
const DATA_PROTECTION_RULE_CODES = [
  'dossier_active',
  'dossier_at_jury',
  'retention_running',
  'erasure_conflict',
  'candidate_changed',
] as const;
/** Monitoring figures (rules/statsAccess.ts). */
const STATS_RULE_CODES = ['organism_not_available', 'organism_needs_network'] as const;
/** Fee schedules and usage statements (stats/fees.ts). */
const FEE_RULE_CODES = ['statement_issued', 'schedule_exists'] as const;
/** Documents produced from a dossier or a session (rules/documents.ts). */
const DOCUMENT_RULE_CODES = ['not_evaluated', 'session_not_closed'] as const;
/** Lists and their exports (lists/lists.ts). */
const LIST_RULE_CODES = ['export_too_large'] as const;
/**
 * Generated identifiers that already exist when written (a ULID or code collision, an audit event
 * written twice): no person can cause one, but the write refuses rather than overwrite
 * (rules/storage.ts).
 */
const STORAGE_RULE_CODES = ['duplicate_id', 'audit_collision'] as const;

/** Each context's list, by name (the architecture doc lists them; tests check each is worded). */
const RULE_CODE_LISTS = {
  access: ACCESS_RULE_CODES,
  account: ACCOUNT_RULE_CODES,
  network: NETWORK_RULE_CODES,
  referentiel: REFERENTIEL_RULE_CODES,
  path: PATH_RULE_CODES,
  jury: JURY_RULE_CODES,
  certificate: CERTIFICATE_RULE_CODES,
  paperCopy: PAPER_COPY_RULE_CODES,
  confirmation: CONFIRMATION_RULE_CODES,
  dataProtection: DATA_PROTECTION_RULE_CODES,
  notification: NOTIFICATION_RULE_CODES,
  stats: STATS_RULE_CODES,
  fee: FEE_RULE_CODES,
  document: DOCUMENT_RULE_CODES,
  list: LIST_RULE_CODES,
  storage: STORAGE_RULE_CODES,
} as const;

type RuleCode = (typeof RULE_CODE_LISTS)[keyof typeof RULE_CODE_LISTS][number];

const RULE_CODES: readonly RuleCode[] = Object.values(RULE_CODE_LISTS).flat();

type AccessRuleCode = (typeof ACCESS_RULE_CODES)[number];
type AccountRuleCode = (typeof ACCOUNT_RULE_CODES)[number];
type NetworkRuleCode = (typeof NETWORK_RULE_CODES)[number];
type ReferentielRuleCode = (typeof REFERENTIEL_RULE_CODES)[number];
type CertificateRuleCode = (typeof CERTIFICATE_RULE_CODES)[number];
type PaperCopyRuleCode = (typeof PAPER_COPY_RULE_CODES)[number];
type ConfirmationRuleCode = (typeof CONFIRMATION_RULE_CODES)[number];
type DataProtectionRuleCode = (typeof DATA_PROTECTION_RULE_CODES)[number];
type StatsRuleCode = (typeof STATS_RULE_CODES)[number];
type FeeRuleCode = (typeof FEE_RULE_CODES)[number];
type DocumentRuleCode = (typeof DOCUMENT_RULE_CODES)[number];
type ListRuleCode = (typeof LIST_RULE_CODES)[number];
type StorageRuleCode = (typeof STORAGE_RULE_CODES)[number];

export type {
  AccessRuleCode,
  AccountRuleCode,
  CertificateRuleCode,
  ConfirmationRuleCode,
  DataProtectionRuleCode,
  DocumentRuleCode,
  FeeRuleCode,
  ListRuleCode,
  NetworkRuleCode,
  PaperCopyRuleCode,
  ReferentielRuleCode,
  RuleCode,
  StatsRuleCode,
  StorageRuleCode,
};
export {
  ACCESS_RULE_CODES,
  ACCOUNT_RULE_CODES,
  CERTIFICATE_RULE_CODES,
  CONFIRMATION_RULE_CODES,
  DATA_PROTECTION_RULE_CODES,
  DOCUMENT_RULE_CODES,
  FEE_RULE_CODES,
  LIST_RULE_CODES,
  NETWORK_RULE_CODES,
  PAPER_COPY_RULE_CODES,
  REFERENTIEL_RULE_CODES,
  RULE_CODES,
  RULE_CODE_LISTS,
  STATS_RULE_CODES,
  STORAGE_RULE_CODES,
};
