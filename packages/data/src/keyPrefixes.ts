/**
 * How every partition key of the table (and of its indexes) begins, as data. keys.ts and the entity
 * modules build their keys from these, and infra builds the IAM `dynamodb:LeadingKeys` conditions
 * from them, so the key design is written once. Pure: no AWS SDK, no domain import (CDK loads it).
 */

/** Partition keys that begin with one of these (`<prefix><id>…`). */
const KEY_PREFIXES = {
  /** Everything a network owns: `T#<tenantId>` and its sub-partitions (candidates, dossiers, stats…). */
  tenant: 'T#',
  /** The claims source of one login. */
  login: 'LOGIN#',
  /** One login per email address across the platform (uniqueness guard). */
  emailClaim: 'EMAIL#',
  /** Référentiel versions, and the current version of each certification (`REF#CURRENT#…`). */
  referentiel: 'REF#',
  /** A region's jury: its members, its pipeline, its sessions. */
  jury: 'JURY#',
  /** A jury session's agenda. */
  jurySession: 'JSESSION#',
  /** Versioned platform settings (jury rules, fees, data protection) and platform idempotency records. */
  platform: 'PLATFORM#',
  /** The national routes' idempotency records alone (`PLATFORM#IDEM#<key>`, keys.idempotencyScope). */
  platformIdempotency: 'PLATFORM#IDEM#',
  /** One issued certificate, by its public code. */
  certificate: 'CERT#',
  /** gsi2 "certificatesByYear" and gsi1 "certificatesBySession" (`CERTS#SESSION#…`). */
  certificateListing: 'CERTS#',
  /** Every audit trail, and nothing else (append-only in IAM). */
  audit: 'AUDIT#',
  /** The tenant-scoped audit trails (a dossier's trail included). */
  tenantAudit: 'AUDIT#T#',
  /** Public rate-limit counters and subject locks. */
  rateLimit: 'RATE#',
  /** Email addresses that must receive nothing (hashed). */
  suppression: 'SUPPRESSED#',
  /** A jury member's or staff message, and gsi1 "pendingMessages" (`OUTBOX#PENDING#<shard>`). */
  outbox: 'OUTBOX#',
  /** gsi1 "pendingMessages" alone (`OUTBOX#PENDING#<shard>`): what the delivery queries. */
  pendingMessages: 'OUTBOX#PENDING#',
  /** gsi1 "countersByMonth": the national and regional monitoring views. */
  countersByMonth: 'STATS#',
  /** gsi4 "deadlinesByMonth": the dossiers whose deadline month has come (expiry sweep). */
  deadlinesByMonth: 'DEADLINE#',
  /** gsi4 "paperCopiesByStatus": the paper copies waiting at a step. */
  paperCopiesByStatus: 'PAPER#',
} as const;

/** Partition keys that are one fixed string. */
const FIXED_PARTITIONS = {
  /** gsi1 "tenantsByName". */
  tenantsByName: 'TENANTS',
  /** gsi1 "loginsByEmail". */
  loginsByEmail: 'LOGINS',
  /** gsi1 "referentielsByCertification". */
  referentielsByCertification: 'REFERENTIELS',
  /** The Open Badges status lists and their allocation counter. */
  statusList: 'STATUSLIST',
  /** The platform's audit trail. */
  platformAudit: 'AUDIT#PLATFORM',
  /** The jury's quorum and majority. */
  jurySettings: 'PLATFORM#JURY',
  /** Fee schedules. */
  feeSchedules: 'PLATFORM#FEES',
  /** The retention settings. */
  dataProtectionSettings: 'PLATFORM#DATA_PROTECTION',
} as const;

/** What follows `T#<tenantId>` in a tenant's sub-partitions. */
const TENANT_PARTITION_SUFFIXES = {
  candidate: '#C#',
  dossier: '#D#',
  /** The network's monitoring counters (`T#<t>#STATS`). */
  counters: '#STATS',
  dossiersByTenant: '#DOSSIERS',
  dossiersByStatus: '#DSTATUS#',
  dossiersByOrganism: '#DORG#',
  dossiersByIdentity: '#IDENTITY#',
  dormantCandidates: '#DORMANT',
  certificatesByTenant: '#CERTS',
  idempotency: '#IDEM#',
} as const;

type KeyPrefix = (typeof KEY_PREFIXES)[keyof typeof KEY_PREFIXES];
type FixedPartition = (typeof FIXED_PARTITIONS)[keyof typeof FIXED_PARTITIONS];

/** An IAM `dynamodb:LeadingKeys` pattern (StringLike) matching every partition under a prefix. */
const leadingKeysUnder = (prefix: KeyPrefix): `${KeyPrefix}*` => `${prefix}*`;

/** The pattern of one tenant sub-partition in every tenant, e.g. `T#*#STATS`. */
const tenantPartitionsEnding = (
  suffix: (typeof TENANT_PARTITION_SUFFIXES)[keyof typeof TENANT_PARTITION_SUFFIXES],
) => `${KEY_PREFIXES.tenant}*${suffix}`;

export type { FixedPartition, KeyPrefix };
export {
  FIXED_PARTITIONS,
  KEY_PREFIXES,
  leadingKeysUnder,
  TENANT_PARTITION_SUFFIXES,
  tenantPartitionsEnding,
};
