/**
 * Data protection (SPEC §7): the retention setting, a candidate's subject access export (GDPR art.
 * 15), and the erasure of a candidate once their dossiers are closed and the retention has run.
 */
import * as z from 'zod';
import { certifications } from '../constants.ts';
import { AuditEvent, Candidate, Dossier } from './dossier.ts';
import { Evaluation } from './evaluation.ts';
import { Id, IsoDate, IsoDateTime, PageQuery, Text, Version } from './common.ts';
import { TrainingPlan } from './trainingPlan.ts';

const RetentionYears = z
  .number({ error: 'durée de conservation requise (nombre d’années)' })
  .int({ error: 'nombre entier d’années' })
  .min(1, { error: 'un an au moins' })
  .max(10, { error: 'dix ans au plus' });

/** The national admin's setting; `version` 0 while the default applies (never saved). */
const DataProtectionSettings = z.object({
  /** Years a candidate's data is kept after the last activity of their last closed dossier. */
  retentionYears: RetentionYears,
  version: z.number().int().min(0),
  updatedAt: IsoDateTime.optional(),
  updatedBy: z.string().optional(),
});
type DataProtectionSettings = z.infer<typeof DataProtectionSettings>;

const DataProtectionSettingsUpdate = z.object({
  retentionYears: RetentionYears,
  /** The version replaced; absent while the default applies. */
  version: Version.optional(),
});
type DataProtectionSettingsUpdate = z.infer<typeof DataProtectionSettingsUpdate>;

const CandidateIdParam = z.object({ candidateId: Id });

const ErasureBlockerCode = z.enum([
  'dossier_active',
  'dossier_at_jury',
  'retention_running',
  'paper_copy_pending',
]);
type ErasureBlockerCode = z.infer<typeof ErasureBlockerCode>;

const ErasureBlocker = z.object({
  code: ErasureBlockerCode,
  dossierId: Id.nullable(),
  /** What stands in the way, in French, for the person asking. */
  message: z.string(),
});
type ErasureBlocker = z.infer<typeof ErasureBlocker>;

const ErasureAssessment = z.object({
  candidateId: Id,
  retentionYears: RetentionYears,
  erasable: z.boolean(),
  /** The first day erasure is possible if nothing changes; null while a dossier is open. */
  erasableFrom: IsoDate.nullable(),
  blockers: z.array(ErasureBlocker),
});
type ErasureAssessment = z.infer<typeof ErasureAssessment>;

/** A deliberate confirmation: the candidate's last name, as the person erasing reads it. */
const ErasureRequest = z.object({ lastName: Text(100) });

const ErasureResult = z.object({
  candidateId: Id,
  erasedAt: IsoDateTime,
  /** The dossiers now kept as statistics-only records (no personal data). */
  dossiers: z.array(z.object({ id: Id, status: z.string() })),
  /** Certificates whose register entry now holds only the first name and last initial. */
  certificates: z.array(z.string()),
});
type ErasureResult = z.infer<typeof ErasureResult>;

/** An audit event as the candidate gets it: what was done, when, and by which role (not by whom). */
const ExportedAuditEvent = AuditEvent.omit({ actor: true }).extend({
  actor: z.object({ roles: z.array(z.string()) }),
});
type ExportedAuditEvent = z.infer<typeof ExportedAuditEvent>;

const ExportedJuryDecision = z.object({
  sessionId: Id,
  sessionDate: IsoDate,
  decision: z.enum(['certified', 'adjourned']),
  reason: z.string().nullable(),
  decidedAt: IsoDateTime,
});
type ExportedJuryDecision = z.infer<typeof ExportedJuryDecision>;

const ExportedCertificate = z.object({
  code: z.string(),
  certification: z.enum(certifications),
  status: z.enum(['valid', 'revoked']),
  issuedOn: IsoDate,
  revokedOn: IsoDate.optional(),
  revocationReason: z.string().optional(),
  region: z.string(),
  holder: z.object({ firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
  paperCopy: z
    .object({
      status: z.enum(['requested', 'printed', 'sent']),
      recipient: z.object({
        name: z.string(),
        addressLine: z.string(),
        postalCode: z.string(),
        city: z.string(),
      }),
      requestedAt: IsoDateTime,
      printedAt: IsoDateTime.optional(),
      sentAt: IsoDateTime.optional(),
    })
    .optional(),
});
type ExportedCertificate = z.infer<typeof ExportedCertificate>;

const OrganismRef = z.object({ id: Id, name: z.string() });

/** Everything held about a candidate in their network, as one document (JSON and, readable, PDF). */
const SubjectAccessExport = z.object({
  format: z.literal('socle.subject-access.v1'),
  generatedAt: IsoDateTime,
  /** The network that holds the data (the controller the request was made to). */
  network: z.object({ id: Id, name: z.string() }),
  candidate: Candidate,
  dossiers: z.array(
    z.object({
      dossier: Dossier,
      organism: OrganismRef.nullable(),
      trainingOrganism: OrganismRef.nullable(),
      evaluations: z.array(Evaluation),
      trainingPlan: TrainingPlan.nullable(),
      juryDecisions: z.array(ExportedJuryDecision),
      certificate: ExportedCertificate.nullable(),
      auditTrail: z.array(ExportedAuditEvent),
    }),
  ),
  retention: z.object({ retentionYears: RetentionYears, erasableFrom: IsoDate.nullable() }),
});
type SubjectAccessExport = z.infer<typeof SubjectAccessExport>;

/** `GET /data-protection/due-erasures`: a page of the network's candidates whose erasure is due. */
const DueErasureQuery = PageQuery;
type DueErasureQuery = z.infer<typeof DueErasureQuery>;

/**
 * A candidate whose dossiers are all closed and whose retention has run: the network admin erases
 * their data from the dossier page (`dossierId`: the dossier of the last activity).
 */
const DueErasure = z.object({
  candidateId: Id,
  firstName: z.string(),
  lastName: z.string(),
  /** The last activity of the candidate's dossiers, from which the retention ran. */
  lastActivityOn: IsoDate,
  /** The day erasure became due: `retentionYears` after the last activity. */
  dueOn: IsoDate,
  dossierId: Id,
});
type DueErasure = z.infer<typeof DueErasure>;

/** Oldest last activity first; `retentionYears` is the retention in force, applied to every item. */
const DueErasureList = z.object({
  retentionYears: RetentionYears,
  items: z.array(DueErasure),
  cursor: z.string().optional(),
});
type DueErasureList = z.infer<typeof DueErasureList>;

export {
  CandidateIdParam,
  DueErasure,
  DueErasureList,
  DueErasureQuery,
  DataProtectionSettings,
  DataProtectionSettingsUpdate,
  ErasureAssessment,
  ErasureBlocker,
  ErasureBlockerCode,
  ErasureRequest,
  ErasureResult,
  ExportedAuditEvent,
  ExportedCertificate,
  ExportedJuryDecision,
  RetentionYears,
  SubjectAccessExport,
};
