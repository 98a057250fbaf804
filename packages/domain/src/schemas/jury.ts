/** Jury members, sessions, agendas and decisions (SPEC §4). Jury users belong to no network. */
import * as z from 'zod';
import { certifications } from '../constants.ts';
import { colleges } from '../jury.ts';
import { MovementKind } from '../jury/attendance.ts';
import { CONFLICT_REASON_MAX } from '../jury/conflicts.ts';
import { majorities } from '../jury/settings.ts';
import { Email, Id, IsoDate, IsoDateTime, RecordMeta, RegionCode, Text, Version } from './common.ts';

const JuryRole = z.enum(['jury_secretary', 'jury_member']);

const JuryLinkSchema = z.object({ tenantId: Id, organismId: Id.nullable().optional() });

const JuryMemberFields = z.object({
  email: Email,
  firstName: Text(100),
  lastName: Text(100),
  role: JuryRole,
  /** Required for members (paritary composition); secretaries belong to no college. */
  college: z.enum(colleges).nullable().optional(),
  termFrom: IsoDate,
  termTo: IsoDate.nullable().optional(),
  links: z.array(JuryLinkSchema).max(50),
});

const collegeRule = (m: { role?: string; college?: string | null }, ctx: z.RefinementCtx) => {
  if (m.role === 'jury_member' && !m.college) {
    ctx.addIssue({
      code: 'custom',
      path: ['college'],
      message: 'collège employeur ou salarié requis pour un membre',
    });
  }
};

const JuryMemberInvite = JuryMemberFields.extend({
  links: JuryMemberFields.shape.links.default([]),
}).superRefine(collegeRule);
const JuryMemberUpdate = JuryMemberFields.omit({ email: true, role: true })
  .partial()
  .extend({ version: Version, active: z.boolean().optional() });

const JuryMember = JuryMemberFields.extend({
  userId: Id,
  region: z.string(),
  active: z.boolean(),
  ...RecordMeta.shape,
});
type JuryMember = z.infer<typeof JuryMember>;

/** What a jury sees of a dossier: no contact data, ever. */
const JuryDossierView = z.object({
  dossierId: Id,
  tenantId: Id,
  networkName: z.string(),
  certification: z.enum(certifications),
  /** Once the candidate's data was erased: the first name and the last initial, no birth date. */
  candidate: z.object({ firstName: z.string(), lastName: z.string(), birthDate: IsoDate.optional() }),
  region: z.string(),
  evaluatingOrganism: z.object({ id: Id, name: z.string() }),
  trainingOrganism: z.object({ id: Id, name: z.string() }).nullable(),
  evaluations: z.array(z.object({ kind: z.enum(['preliminary', 'final']), date: IsoDate })),
  domains: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      mastered: z.boolean(),
      masteredSubdomains: z.number(),
      subdomains: z.number(),
    }),
  ),
  allDomainsMastered: z.boolean(),
  submittedAt: IsoDateTime,
  /** An adjourned dossier presented again. */
  presentation: z.number().int().min(1),
});
type JuryDossierView = z.infer<typeof JuryDossierView>;

const JurySubmission = z.object({ dossierVersion: Version });

const SessionFields = z.object({
  date: IsoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'heure attendue au format HH:MM' }),
  place: Text(300).nullable().optional(),
  /** https only: a meeting link travels to every member and must not be readable on the way. */
  videoLink: z
    .url({ protocol: /^https$/, error: 'lien de visioconférence invalide (https:// attendu)' })
    .nullable()
    .optional(),
  memberIds: z.array(Id).min(2, { error: 'au moins un membre de chaque collège' }).max(30),
});
const placeRule = (s: { place?: string | null; videoLink?: string | null }) => !!(s.place || s.videoLink);
const placeIssue = { error: 'un lieu ou un lien de visioconférence', path: ['place'] };

const JurySessionCreate = SessionFields.refine(placeRule, placeIssue);
const JurySessionUpdate = SessionFields.partial().extend({ version: Version });

const SessionCancel = z.object({ version: Version, reason: Text(500) });

const SessionStatus = z.enum(['planned', 'closing', 'closed', 'cancelled']);

/** Quorum and majority (SPEC §4), the national admin's versioned setting; `version` 0: the default. */
const JuryRulesFields = z.object({
  minPerCollege: z
    .number({ error: 'nombre de membres requis' })
    .int({ error: 'nombre entier' })
    .min(1, { error: 'un membre au moins' })
    .max(5, { error: 'cinq membres au plus' }),
  parity: z.boolean({ error: 'parité : oui ou non' }),
  majority: z.enum(majorities, { error: 'majorité inconnue' }),
});
const JurySettings = JuryRulesFields.extend({
  version: z.number().int().min(0),
  updatedAt: IsoDateTime.optional(),
  updatedBy: z.string().optional(),
});
type JurySettings = z.infer<typeof JurySettings>;
const JurySettingsUpdate = JuryRulesFields.extend({ version: Version.optional() });
type JurySettingsUpdate = z.infer<typeof JurySettingsUpdate>;

const AttendanceMovement = z.object({
  version: Version,
  memberId: Id,
  kind: z.enum([MovementKind.ARRIVAL, MovementKind.DEPARTURE], { error: 'arrivée ou départ' }),
});

const JurySession = SessionFields.extend({
  id: Id,
  region: z.string(),
  status: SessionStatus,
  presentMemberIds: z.array(Id),
  /** First attendance recorded: the session is open (no more rescheduling or cancelling). */
  openedAt: IsoDateTime.optional(),
  /** First vote cast: the attendance list is frozen, only arrivals and departures follow. */
  votingStartedAt: IsoDateTime.optional(),
  movements: z
    .array(z.object({ memberId: Id, kind: z.enum(['arrival', 'departure']), at: IsoDateTime }))
    .optional(),
  /** The quorum and majority in force when the session opened (settings version included). */
  rules: JurySettings.optional(),
  cancelledAt: IsoDateTime.optional(),
  cancelReason: z.string().optional(),
  closedAt: IsoDateTime.optional(),
  summary: z.object({ certified: z.number(), adjourned: z.number() }).optional(),
  ...RecordMeta.shape,
});
type JurySession = z.infer<typeof JurySession>;

const AgendaAdd = z.object({
  dossierIds: z.array(Id).min(1).max(25, { error: '25 dossiers au plus par ajout' }),
});

const Attendance = z.object({ version: Version, presentMemberIds: z.array(Id).max(30) });

const ConflictDeclaration = z.object({ reason: Text(CONFLICT_REASON_MAX) });
const Vote = z.object({ vote: z.enum(['certify', 'adjourn']) });

/** The outcome of the vote; the domain (decideJuryOutcome) checks it against the votes and the reason. */
const Decision = z.object({
  decision: z.enum(['certified', 'adjourned']),
  reason: Text(1000).nullable().optional(),
});

const AgendaEntry = z.object({
  sessionId: Id,
  dossierId: Id,
  tenantId: Id,
  view: JuryDossierView,
  conflicts: z.array(z.object({ memberId: Id, reason: z.string(), declaredAt: IsoDateTime })),
  votes: z.record(z.string(), z.enum(['certify', 'adjourn'])),
  /** The first vote on this candidate: arrivals and departures after it do not change its voters. */
  examinedAt: IsoDateTime.optional(),
  /** Bumped by every vote and declaration: a decision is taken on the votes it read. */
  revision: z.number().int().optional(),
  decision: z
    .object({
      decision: z.enum(['certified', 'adjourned']),
      reason: z.string().nullable().optional(),
      decidedAt: IsoDateTime,
      decidedBy: z.string(),
      votes: z.object({ certify: z.number(), adjourn: z.number() }),
      /** What the decision was taken on (SPEC §4): present, voters, conflicted, each ballot, the rules. */
      present: z.array(z.string()).optional(),
      voters: z.array(z.string()).optional(),
      conflicted: z.array(z.string()).optional(),
      /** Each present member's college at the time (a later change of college changes nothing). */
      colleges: z.record(z.string(), z.enum(colleges)).optional(),
      ballots: z.record(z.string(), z.enum(['certify', 'adjourn'])).optional(),
      required: z.number().optional(),
      rules: JurySettings.optional(),
    })
    .optional(),
  /** Set when closing applied the decision (certificate issued, dossier updated), or sent the dossier back. */
  appliedAt: IsoDateTime.optional(),
  /** No decision when the session closed (or it was cancelled): back in the region's pipeline. */
  returnedToPipeline: z.boolean().optional(),
  certificateCode: z.string().optional(),
});
type AgendaEntry = z.infer<typeof AgendaEntry>;

const JuryRegionParam = z.object({ region: RegionCode });

/** A dossier of the region waiting for a session (`GET /jury/pipeline`). */
const PipelineEntry = z.object({
  dossierId: Id,
  tenantId: Id,
  region: z.string(),
  view: JuryDossierView,
  submittedAt: z.string(),
  /** Set once the dossier is on a session's agenda. */
  sessionId: Id.optional(),
});
type PipelineEntry = z.infer<typeof PipelineEntry>;

/** One row of a session's agenda: who, and where the decision stands (the dossier is read apart, audited). */
const AgendaSummary = AgendaEntry.pick({
  dossierId: true,
  decision: true,
  appliedAt: true,
  returnedToPipeline: true,
  certificateCode: true,
}).extend({
  candidate: z.object({ firstName: z.string(), lastName: z.string() }),
  networkName: z.string(),
  presentation: z.number(),
  votesCast: z.number(),
});
type AgendaSummary = z.infer<typeof AgendaSummary>;

const SessionDetail = z.object({
  session: JurySession,
  agenda: z.array(AgendaSummary),
  members: z.array(JuryMember),
});
type SessionDetail = z.infer<typeof SessionDetail>;

/** The restricted view of a dossier on the agenda (an audited read), with who may not vote on it. */
const JuryDossier = AgendaEntry.extend({
  conflictedMemberIds: z.array(z.string()),
  /** Where the vote stands under the session's rules: who may vote, the tally, the votes needed. */
  deliberation: z.object({
    present: z.array(z.string()),
    voters: z.array(z.string()),
    tally: z.object({ certify: z.number(), adjourn: z.number(), voters: z.number(), required: z.number() }),
    rules: JurySettings,
  }),
});
type JuryDossier = z.infer<typeof JuryDossier>;

/** The answer of closing a session. */
const CloseSummary = z.object({
  session: JurySession,
  certified: z.number(),
  adjourned: z.number(),
  appliedNow: z.number(),
  /** Candidates without a decision, sent back to the region's pipeline (never adjourned by default). */
  returned: z.number().optional(),
  /** Decisions left when the time budget ran out: call again until 0. */
  remaining: z.number(),
});
type CloseSummary = z.infer<typeof CloseSummary>;

export {
  AgendaAdd,
  AgendaEntry,
  AgendaSummary,
  Attendance,
  AttendanceMovement,
  CloseSummary,
  ConflictDeclaration,
  Decision,
  JuryDossier,
  JuryDossierView,
  JuryMember,
  JuryMemberInvite,
  JuryMemberUpdate,
  JuryRegionParam,
  JurySession,
  JurySessionCreate,
  JurySessionUpdate,
  JurySettings,
  JurySettingsUpdate,
  JurySubmission,
  PipelineEntry,
  SessionCancel,
  SessionDetail,
  Vote,
};
