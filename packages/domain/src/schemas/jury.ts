/** Jury members, sessions, agendas and decisions (SPEC §4). Jury users belong to no network. */
import * as z from 'zod';
import { certifications } from '../constants.ts';
import { colleges } from '../jury.ts';
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
  videoLink: z.url({ error: 'lien de visioconférence invalide' }).nullable().optional(),
  memberIds: z.array(Id).min(2, { error: 'au moins un membre de chaque collège' }).max(30),
});
const placeRule = (s: { place?: string | null; videoLink?: string | null }) => !!(s.place || s.videoLink);
const placeIssue = { error: 'un lieu ou un lien de visioconférence', path: ['place'] };

const JurySessionCreate = SessionFields.refine(placeRule, placeIssue);
const JurySessionUpdate = SessionFields.partial().extend({ version: Version });

const SessionStatus = z.enum(['planned', 'closing', 'closed']);

const JurySession = SessionFields.extend({
  id: Id,
  region: z.string(),
  status: SessionStatus,
  presentMemberIds: z.array(Id),
  closedAt: IsoDateTime.optional(),
  summary: z.object({ certified: z.number(), adjourned: z.number() }).optional(),
  ...RecordMeta.shape,
});
type JurySession = z.infer<typeof JurySession>;

const AgendaAdd = z.object({
  dossierIds: z.array(Id).min(1).max(25, { error: '25 dossiers au plus par ajout' }),
});

const Attendance = z.object({ version: Version, presentMemberIds: z.array(Id).max(30) });

const ConflictDeclaration = z.object({ reason: Text(500) });
const Vote = z.object({ vote: z.enum(['certify', 'adjourn']) });

const Decision = z
  .object({ decision: z.enum(['certified', 'adjourned']), reason: Text(1000).nullable().optional() })
  .refine((d) => d.decision === 'certified' || !!d.reason, {
    error: "le motif de l'ajournement est obligatoire",
    path: ['reason'],
  });

const AgendaEntry = z.object({
  sessionId: Id,
  dossierId: Id,
  tenantId: Id,
  view: JuryDossierView,
  conflicts: z.array(z.object({ memberId: Id, reason: z.string(), declaredAt: IsoDateTime })),
  votes: z.record(z.string(), z.enum(['certify', 'adjourn'])),
  decision: z
    .object({
      decision: z.enum(['certified', 'adjourned']),
      reason: z.string().nullable().optional(),
      decidedAt: IsoDateTime,
      decidedBy: z.string(),
      votes: z.object({ certify: z.number(), adjourn: z.number() }),
    })
    .optional(),
  /** Set when closing applied the decision (certificate issued, dossier updated). */
  appliedAt: IsoDateTime.optional(),
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
const JuryDossier = AgendaEntry.extend({ conflictedMemberIds: z.array(z.string()) });
type JuryDossier = z.infer<typeof JuryDossier>;

/** The answer of closing a session. */
const CloseSummary = z.object({
  session: JurySession,
  certified: z.number(),
  adjourned: z.number(),
  appliedNow: z.number(),
  /** Decisions left when the time budget ran out: call again until 0. */
  remaining: z.number(),
});
type CloseSummary = z.infer<typeof CloseSummary>;

export {
  AgendaAdd,
  AgendaEntry,
  AgendaSummary,
  Attendance,
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
  JurySubmission,
  PipelineEntry,
  SessionDetail,
  Vote,
};
