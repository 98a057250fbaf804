/**
 * Responses of the jury routes. The route table (functions/src/routes/juries.ts) builds them from the
 * domain schemas but does not export them to the web: they are rebuilt here from the same pieces.
 */
import { AgendaEntry, Id, JuryDossierView, JuryMember, JurySession } from '@socle/domain';
import * as z from 'zod';

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

/** One row of a session's agenda: who, and where the decision stands (the dossier is read apart). */
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

const CloseSummary = z.object({
  session: JurySession,
  certified: z.number(),
  adjourned: z.number(),
  appliedNow: z.number(),
  /** Decisions left when the server's time budget ran out: call again until 0. */
  remaining: z.number(),
});
type CloseSummary = z.infer<typeof CloseSummary>;

export { AgendaSummary, CloseSummary, JuryDossier, PipelineEntry, SessionDetail };
