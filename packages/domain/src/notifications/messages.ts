/**
 * What an outbox message holds (SPEC §5b): the recipient and the few values its template prints,
 * no more. A message is written with the event that causes it and rendered when delivered, so the
 * stored item stays small and carries only what the email shows (no birth date, no address, no
 * evaluation detail). Validated when read back: a message that no longer parses is not sent.
 */
import * as z from 'zod';
import { certifications } from '../constants.ts';
import { Email, IsoDate, RegionCode } from '../schemas/common.ts';

const RecipientKind = { CANDIDATE: 'candidate', JURY_MEMBER: 'jury_member', STAFF: 'staff' } as const;
type RecipientKind = (typeof RecipientKind)[keyof typeof RecipientKind];
const recipientKinds = Object.values(RecipientKind) as [RecipientKind, ...RecipientKind[]];

/** One template per event that tells someone something. */
const NotificationTemplate = {
  DOSSIER_OPENED: 'candidate.dossier_opened',
  RESTITUTION_AVAILABLE: 'candidate.restitution_available',
  JURY_DATE: 'candidate.jury_date',
  DECISION: 'candidate.decision',
  CERTIFICATE_AVAILABLE: 'candidate.certificate_available',
  PAPER_COPY_SENT: 'candidate.paper_copy_sent',
  DEADLINE_APPROACHING: 'candidate.deadline_approaching',
  JURY_CONVOCATION: 'jury.convocation',
  JURY_RESCHEDULED: 'jury.rescheduled',
  JURY_CANCELLED: 'jury.cancelled',
  JURY_AGENDA_PUBLISHED: 'jury.agenda_published',
  /** Staff get nothing by default (their home page is their queue); this is the opt-in summary. */
  STAFF_WORK_QUEUE: 'staff.work_queue',
} as const;
type NotificationTemplate = (typeof NotificationTemplate)[keyof typeof NotificationTemplate];

const Recipient = z.object({
  kind: z.enum(recipientKinds),
  email: Email,
  /** For the greeting only. */
  firstName: z.string().trim().min(1).max(100),
});
type Recipient = z.infer<typeof Recipient>;

const Certification = z.enum(certifications);
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A jury session as its members' emails and invitations show it (no candidate in it). */
const SessionSlot = z.object({
  /** Only in the invitation's UID, never printed. */
  sessionId: z.string().min(1),
  region: RegionCode,
  date: IsoDate,
  startTime: ClockTime,
  durationMinutes: z.number().int().min(15).max(720),
  place: z.string().max(300).nullish(),
  videoLink: z.url().nullish(),
  /** The invitation's SEQUENCE: 0 at convocation, +1 for each rescheduling. */
  sequence: z.number().int().min(0),
});
type SessionSlot = z.infer<typeof SessionSlot>;

const candidate = <K extends NotificationTemplate, T extends z.ZodRawShape>(template: K, shape: T) =>
  z.object({ template: z.literal(template), certification: Certification }).extend(shape);

const MessageContent = z.discriminatedUnion('template', [
  candidate(NotificationTemplate.DOSSIER_OPENED, {
    organismName: z.string().min(1).max(200),
    openedOn: IsoDate,
    /** The consent text is printed from this version (consent.ts keeps every version). */
    consentTextVersion: z.string().min(1),
  }),
  candidate(NotificationTemplate.RESTITUTION_AVAILABLE, {
    organismName: z.string().min(1).max(200),
    evaluatedOn: IsoDate,
  }),
  candidate(NotificationTemplate.JURY_DATE, { region: RegionCode, sessionDate: IsoDate }),
  candidate(NotificationTemplate.DECISION, {
    region: RegionCode,
    sessionDate: IsoDate,
    decision: z.enum(['certified', 'adjourned']),
  }),
  candidate(NotificationTemplate.CERTIFICATE_AVAILABLE, {
    /** The public verification code (printed on the certificate), not an internal id. */
    certificateCode: z.string().min(1).max(40),
    issuedOn: IsoDate,
  }),
  candidate(NotificationTemplate.PAPER_COPY_SENT, {
    sentOn: IsoDate,
    /** The town of the postal address only (the street line never goes into an email); none if left blank. */
    town: z.string().trim().min(1).max(100).nullish(),
  }),
  candidate(NotificationTemplate.DEADLINE_APPROACHING, {
    organismName: z.string().min(1).max(200),
    deadline: IsoDate,
    monthsLeft: z.union([z.literal(6), z.literal(1)]),
  }),
  z.object({ template: z.literal(NotificationTemplate.JURY_CONVOCATION), session: SessionSlot }),
  z.object({
    template: z.literal(NotificationTemplate.JURY_RESCHEDULED),
    session: SessionSlot,
    previous: z.object({ date: IsoDate, startTime: ClockTime }),
  }),
  z.object({ template: z.literal(NotificationTemplate.JURY_CANCELLED), session: SessionSlot }),
  z.object({
    template: z.literal(NotificationTemplate.JURY_AGENDA_PUBLISHED),
    session: SessionSlot,
    dossierCount: z.number().int().min(0),
  }),
  z.object({
    template: z.literal(NotificationTemplate.STAFF_WORK_QUEUE),
    /** The home page's "À faire" lines as the person sees them: `3 évaluations en cours`. */
    items: z
      .array(z.object({ label: z.string().min(1).max(120), count: z.number().int().min(1) }))
      .min(1)
      .max(20),
  }),
]);
type MessageContent = z.infer<typeof MessageContent>;

/** The recipient kind each template is written for (a candidate template never goes to a juror). */
const recipientKindOf = (template: NotificationTemplate): RecipientKind =>
  template.startsWith('candidate.')
    ? RecipientKind.CANDIDATE
    : template.startsWith('staff.')
      ? RecipientKind.STAFF
      : RecipientKind.JURY_MEMBER;

export {
  MessageContent,
  NotificationTemplate,
  Recipient,
  RecipientKind,
  SessionSlot,
  recipientKindOf,
  recipientKinds,
};
