/** A candidate and their dossier (SPEC §3.1): opened with consent by an advisor. */
import * as z from 'zod';
import { CURRENT_CONSENT_TEXT_VERSION } from '../consent.ts';
import { candidateStatuses, certifications, dossierModules, fundings, prescribers } from '../constants.ts';
import { DossierStatus, dossierStatuses } from '../dossierStateMachine.ts';
import { Email, Id, IsoDate, IsoDateTime, PageQuery, RecordMeta, Text, Version } from './common.ts';
import { ListOrder } from '../lists/lists.ts';

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{6,20}$/, { error: 'numéro de téléphone invalide' });

const CandidateIdentity = z.object({
  firstName: Text(100),
  lastName: Text(100),
  birthDate: IsoDate.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), {
    error: 'date de naissance invalide',
  }),
  birthName: Text(100).nullable().optional(),
});

const CandidateContact = z.object({
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/, { error: 'code postal à 5 chiffres' })
    .nullable()
    .optional(),
  city: Text(100).nullable().optional(),
});

const CandidateInput = CandidateIdentity.extend(CandidateContact.shape);

/** The path details an advisor records when opening a dossier. */
const PathFields = z.object({
  candidateStatus: z.enum(candidateStatuses),
  prescriber: z.enum(prescribers),
  funding: z.enum(fundings),
  onWorkingTime: z.boolean(),
  modules: z
    .array(z.enum(dossierModules))
    .refine((l) => new Set(l).size === l.length, { error: 'module en double' }),
  experience: Text(1000),
});

/** Only an employee can follow the path on working time (the employer then only chooses the dates). */
const workingTimeRule = (p: { onWorkingTime?: boolean; candidateStatus?: string }) =>
  !p.onWorkingTime || p.candidateStatus === undefined || p.candidateStatus === 'employee';
const workingTimeIssue = {
  error: 'seul un salarié peut suivre le parcours sur son temps de travail',
  path: ['onWorkingTime'],
};

const DossierOpen = z.object({
  candidate: CandidateInput,
  dossier: PathFields.extend({
    modules: PathFields.shape.modules.default([]),
    certification: z.enum(certifications),
    organismId: Id,
    consent: z.object({
      given: z.literal(true, { error: "l'accord du candidat est obligatoire" }),
      textVersion: z.literal(CURRENT_CONSENT_TEXT_VERSION, {
        error: 'version du texte de consentement périmée: rechargez la page',
      }),
    }),
  }).refine(workingTimeRule, workingTimeIssue),
  /**
   * The advisor saw the person's existing dossiers in the network (a first attempt answered 409
   * `duplicate_candidate` or `already_certified` listing them) and opens another one anyway.
   */
  confirmDuplicate: z.boolean().optional(),
});

// No defaults here: a field left out of an edit keeps its stored value.
const DossierUpdate = PathFields.partial()
  .extend({
    version: Version,
    candidate: CandidateContact.partial().optional(),
    trainingOrganismId: Id.nullable().optional(),
  })
  .refine(workingTimeRule, workingTimeIssue);

const DossierWithdraw = z.object({ version: Version, reason: Text(500) });
const DossierReopen = z.object({ version: Version });

const DossierListQuery = PageQuery.extend({
  status: z.enum(dossierStatuses).optional(),
  /** Only dossiers whose 5-year deadline is near (warning period) or passed. */
  deadline: z.enum(['soon']).optional(),
  organismId: Id.optional(),
  q: z.string().trim().max(100).optional(),
  /** Opening time: newest first unless `oldest`. */
  order: ListOrder.optional(),
});

const Candidate = CandidateInput.extend({ id: Id });

const Dossier = z.object({
  id: Id,
  candidateId: Id,
  candidate: CandidateIdentity.pick({ firstName: true, lastName: true, birthDate: true }),
  certification: z.enum(certifications),
  organismId: Id,
  region: z.string(),
  advisorId: Id,
  status: z.enum(dossierStatuses),
  statusBeforeWithdrawal: z.enum(dossierStatuses).optional(),
  withdrawalReason: z.string().optional(),
  consent: z.object({ givenAt: IsoDateTime, textVersion: z.string(), recordedBy: Id }),
  candidateStatus: z.enum(candidateStatuses),
  prescriber: z.enum(prescribers),
  funding: z.enum(fundings),
  onWorkingTime: z.boolean(),
  modules: z.array(z.enum(dossierModules)),
  experience: z.string(),
  openedAt: IsoDateTime,
  statusChangedAt: IsoDateTime,
  /** The référentiel version the dossier was opened under (pinned for its whole life). */
  referentielId: Id,
  /** Where training happens; defaults to the evaluating organism when it trains. */
  trainingOrganismId: Id.nullable().optional(),
  /** Union of the criteria acquired in the submitted evaluations. */
  acquiredCriteria: z.array(z.string()).default([]),
  /** People who evaluated the candidate: none of them may train them (independence). */
  evaluatorIds: z.array(z.string()).default([]),
  trainerIds: z.array(z.string()).default([]),
  currentEvaluationId: Id.optional(),
  trainingPlanId: Id.optional(),
  preliminaryEvaluatedOn: IsoDate.optional(),
  lastEvaluatedOn: IsoDate.optional(),
  /** The latest submitted evaluation (its portfolio is the one issued next). */
  lastEvaluationId: Id.optional(),
  /** The evaluation whose portfolio was issued (first downloaded): one issuance per evaluation. */
  portfolioIssuedFor: z.string().optional(),
  /** Preliminary evaluation + N years: the final evaluation must end by then. */
  deadline: IsoDate.optional(),
  /** Submitted to the jury of its region (waiting for, or on, a session's agenda). */
  submittedToJuryAt: IsoDateTime.optional(),
  juryPresentations: z.number().int().optional(),
  certificateCode: z.string().optional(),
  /** The last jury decision, so the network can tell the candidate (and why, when adjourned). */
  juryDecision: z
    .object({
      decision: z.enum(['certified', 'adjourned']),
      reason: z.string().nullable().optional(),
      sessionDate: IsoDate,
    })
    .optional(),
  ...RecordMeta.shape,
});

const DossierDetail = z.object({ dossier: Dossier, candidate: Candidate });

const AuditEvent = z.object({
  id: Id,
  at: IsoDateTime,
  action: z.string(),
  actor: z.object({ userId: z.string(), name: z.string().optional(), roles: z.array(z.string()) }),
  entity: z.object({ type: z.string(), id: z.string() }),
  summary: z.string().optional(),
  fromStatus: z.string().optional(),
  toStatus: z.string().optional(),
});

type Dossier = z.infer<typeof Dossier>;
type Candidate = z.infer<typeof Candidate>;
type DossierOpen = z.infer<typeof DossierOpen>;
type DossierUpdate = z.infer<typeof DossierUpdate>;
type DossierListQuery = z.infer<typeof DossierListQuery>;
type AuditEvent = z.infer<typeof AuditEvent>;

export {
  AuditEvent,
  Candidate,
  CandidateInput,
  Dossier,
  DossierDetail,
  DossierListQuery,
  DossierOpen,
  DossierReopen,
  DossierStatus,
  DossierUpdate,
  DossierWithdraw,
};
