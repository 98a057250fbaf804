/** One typed function per route of packages/contract/src/routes.ts used by the web app. */
import {
  type AgendaAdd,
  AgendaEntry,
  type Attendance,
  type AttendanceMovement,
  AuditEvent,
  Certificate,
  CloseSummary,
  type ConflictDeclaration,
  type Decision,
  Dossier,
  DossierDetail,
  Evaluation,
  type EvaluationSave,
  type EvaluationStart,
  type EvaluationSubmit,
  type DossierOpen,
  type DossierReopen,
  type DossierUpdate,
  type DossierWithdraw,
  JuryMember,
  type JuryMemberInvite,
  type JuryMemberUpdate,
  JuryDossier,
  JurySession,
  type JurySessionCreate,
  type JurySessionUpdate,
  JurySettings,
  type JurySettingsUpdate,
  type SessionCancel,
  type JurySubmission,
  type NetworkAdminInvite,
  Organism,
  type OrganismCreate,
  type OrganismUpdate,
  PipelineEntry,
  type ReferentielImport,
  ReferentielOut,
  type ReferentielPublish,
  type ReferentielSettingsUpdate,
  ReferentielSummary,
  SessionDetail,
  Tenant,
  type TenantCreate,
  type TenantSuspend,
  type TenantUpdate,
  TrainingPlan,
  type TrainingPlanUpdate,
  User,
  type UserInvite,
  type UserUpdate,
  type VersionOnly,
  type Vote,
} from '@socle/domain';
import * as z from 'zod';
import type { PaperCopyRequest, Revocation } from './certificates';
import { createDownloader, createRequester } from './client';
import type { Fetch } from './client';
import { Me } from './me';
import { Restitution } from './restitution';

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string().optional() });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

interface PageQuery {
  cursor?: string;
  limit?: number;
}
interface CertificateQuery extends PageQuery {
  year?: number;
  region?: string;
  certification?: string;
  q?: string;
}
interface DossierQuery extends PageQuery {
  status?: string;
  /** `soon`: only dossiers whose deadline is near or passed. */
  deadline?: 'soon';
  organismId?: string;
  q?: string;
}

type Out<S extends z.ZodType> = z.output<S>;
const seg = encodeURIComponent;

/** Body of `POST /dossiers/{id}/training-plan`: the plan, where it is given, and the dossier version. */
interface TrainingPlanCreateBody {
  targetedCriteria: string[];
  objectives: string;
  plannedHours: number;
  sessions: TrainingPlan['sessions'];
  organismId: string;
  dossierVersion: number;
}

/** The API, bound to a `fetch` (the load function's, or the global one). */
const createApi = (fetchFn?: Fetch) => {
  const request = createRequester(fetchFn);
  const download = createDownloader(fetchFn);
  const evaluationPath = (dossierId: string, evaluationId: string) =>
    `/dossiers/${seg(dossierId)}/evaluations/${seg(evaluationId)}`;
  const certificatePath = (code: string) => `/certificates/${seg(code)}`;
  const sessionPath = (id: string) => `/jury/sessions/${seg(id)}`;
  const agendaDossierPath = (id: string, dossierId: string) =>
    `${sessionPath(id)}/dossiers/${seg(dossierId)}`;
  return {
    me: () => request({ method: 'GET', path: '/me', schema: Me }),

    tenants: {
      list: (query: PageQuery = {}) =>
        request({ method: 'GET', path: '/tenants', query: { ...query }, schema: page(Tenant) }),
      get: (id: string) => request({ method: 'GET', path: `/tenants/${seg(id)}`, schema: Tenant }),
      create: (body: Out<typeof TenantCreate>, idempotencyKey: string) =>
        request({ method: 'POST', path: '/tenants', body, idempotencyKey, schema: Tenant }),
      update: (id: string, body: Out<typeof TenantUpdate>) =>
        request({ method: 'PATCH', path: `/tenants/${seg(id)}`, body, schema: Tenant }),
      suspend: (id: string, body: Out<typeof TenantSuspend>) =>
        request({ method: 'POST', path: `/tenants/${seg(id)}/suspend`, body, schema: Tenant }),
      reactivate: (id: string, body: Out<typeof VersionOnly>) =>
        request({ method: 'POST', path: `/tenants/${seg(id)}/reactivate`, body, schema: Tenant }),
      admins: (id: string) =>
        request({ method: 'GET', path: `/tenants/${seg(id)}/admins`, schema: list(User) }),
      inviteAdmin: (id: string, body: Out<typeof NetworkAdminInvite>, idempotencyKey: string) =>
        request({ method: 'POST', path: `/tenants/${seg(id)}/admins`, body, idempotencyKey, schema: User }),
    },

    organisms: {
      list: () => request({ method: 'GET', path: '/organisms', schema: list(Organism) }),
      get: (id: string) => request({ method: 'GET', path: `/organisms/${seg(id)}`, schema: Organism }),
      create: (body: Out<typeof OrganismCreate>, idempotencyKey: string) =>
        request({ method: 'POST', path: '/organisms', body, idempotencyKey, schema: Organism }),
      update: (id: string, body: Out<typeof OrganismUpdate>) =>
        request({ method: 'PATCH', path: `/organisms/${seg(id)}`, body, schema: Organism }),
    },

    users: {
      list: () => request({ method: 'GET', path: '/users', schema: list(User) }),
      get: (id: string) => request({ method: 'GET', path: `/users/${seg(id)}`, schema: User }),
      invite: (body: Out<typeof UserInvite>, idempotencyKey: string) =>
        request({ method: 'POST', path: '/users', body, idempotencyKey, schema: User }),
      update: (id: string, body: Out<typeof UserUpdate>) =>
        request({ method: 'PATCH', path: `/users/${seg(id)}`, body, schema: User }),
    },

    dossiers: {
      list: (query: DossierQuery = {}) =>
        request({ method: 'GET', path: '/dossiers', query: { ...query }, schema: page(Dossier) }),
      get: (id: string) => request({ method: 'GET', path: `/dossiers/${seg(id)}`, schema: DossierDetail }),
      open: (body: Out<typeof DossierOpen>, idempotencyKey: string) =>
        request({ method: 'POST', path: '/dossiers', body, idempotencyKey, schema: DossierDetail }),
      update: (id: string, body: Out<typeof DossierUpdate>) =>
        request({ method: 'PATCH', path: `/dossiers/${seg(id)}`, body, schema: DossierDetail }),
      audit: (id: string, query: PageQuery = {}) =>
        request({
          method: 'GET',
          path: `/dossiers/${seg(id)}/audit`,
          query: { ...query },
          schema: page(AuditEvent),
        }),
      withdraw: (id: string, body: Out<typeof DossierWithdraw>) =>
        request({ method: 'POST', path: `/dossiers/${seg(id)}/withdraw`, body, schema: DossierDetail }),
      reopen: (id: string, body: Out<typeof DossierReopen>) =>
        request({ method: 'POST', path: `/dossiers/${seg(id)}/reopen`, body, schema: DossierDetail }),
      restitution: (id: string) =>
        request({ method: 'GET', path: `/dossiers/${seg(id)}/restitution`, schema: Restitution }),
      portfolioPdf: (id: string) => download(`/dossiers/${seg(id)}/portfolio.pdf`, 'application/pdf'),
      submitToJury: (id: string, body: Out<typeof JurySubmission>) =>
        request({ method: 'POST', path: `/dossiers/${seg(id)}/jury-submission`, body, schema: Dossier }),
      resumeTraining: (id: string, body: Out<typeof DossierReopen>) =>
        request({
          method: 'POST',
          path: `/dossiers/${seg(id)}/resume-training`,
          body,
          schema: DossierDetail,
        }),
    },

    /** The register of certificates (national admin: all by year; network admin: their network's). */
    certificates: {
      list: (query: CertificateQuery = {}) =>
        request({ method: 'GET', path: '/certificates', query: { ...query }, schema: page(Certificate) }),
      get: (code: string) => request({ method: 'GET', path: certificatePath(code), schema: Certificate }),
      revoke: (code: string, body: Out<typeof Revocation>) =>
        request({ method: 'POST', path: `${certificatePath(code)}/revoke`, body, schema: Certificate }),
      pdf: (code: string) => download(`${certificatePath(code)}/certificate.pdf`, 'application/pdf'),
      credential: (code: string) =>
        request({
          method: 'GET',
          path: `${certificatePath(code)}/credential`,
          schema: z.object({ credential: z.string() }),
        }),
      /** The holder's name and the candidate's postal code and commune, to prefill a request. */
      paperCopyRecipient: (code: string) =>
        request({
          method: 'GET',
          path: `${certificatePath(code)}/paper-copy/recipient`,
          schema: z.object({
            name: z.string(),
            addressLine: z.string(),
            postalCode: z.string(),
            city: z.string(),
          }),
        }),
      requestPaperCopy: (code: string, body: Out<typeof PaperCopyRequest>) =>
        request({ method: 'POST', path: `${certificatePath(code)}/paper-copy`, body, schema: Certificate }),
      advancePaperCopy: (code: string, status: 'requested' | 'printed' | 'sent') =>
        request({
          method: 'PATCH',
          path: `${certificatePath(code)}/paper-copy`,
          body: { status },
          schema: Certificate,
        }),
      paperCopies: (status: 'requested' | 'printed') =>
        request({ method: 'GET', path: '/paper-copies', query: { status }, schema: list(Certificate) }),
    },

    /** The regional juries' members, managed by the national admin. */
    juries: {
      members: (region: string) =>
        request({ method: 'GET', path: `/juries/${seg(region)}/members`, schema: list(JuryMember) }),
      invite: (region: string, body: Out<typeof JuryMemberInvite>, idempotencyKey: string) =>
        request({
          method: 'POST',
          path: `/juries/${seg(region)}/members`,
          body,
          idempotencyKey,
          schema: JuryMember,
        }),
      update: (region: string, userId: string, body: Out<typeof JuryMemberUpdate>) =>
        request({
          method: 'PATCH',
          path: `/juries/${seg(region)}/members/${seg(userId)}`,
          body,
          schema: JuryMember,
        }),
    },

    /** The caller's regional jury (the region comes from their token). */
    jury: {
      pipeline: () => request({ method: 'GET', path: '/jury/pipeline', schema: list(PipelineEntry) }),
      members: () => request({ method: 'GET', path: '/jury/members', schema: list(JuryMember) }),
      sessions: () => request({ method: 'GET', path: '/jury/sessions', schema: list(JurySession) }),
      createSession: (body: Out<typeof JurySessionCreate>, idempotencyKey: string) =>
        request({ method: 'POST', path: '/jury/sessions', body, idempotencyKey, schema: JurySession }),
      session: (id: string) => request({ method: 'GET', path: sessionPath(id), schema: SessionDetail }),
      addToAgenda: (id: string, body: Out<typeof AgendaAdd>) =>
        request({ method: 'POST', path: `${sessionPath(id)}/agenda`, body, schema: SessionDetail }),
      removeFromAgenda: (id: string, dossierId: string) =>
        request({
          method: 'DELETE',
          path: `${sessionPath(id)}/agenda/${seg(dossierId)}`,
          schema: SessionDetail,
        }),
      setAttendance: (id: string, body: Out<typeof Attendance>) =>
        request({ method: 'PUT', path: `${sessionPath(id)}/attendance`, body, schema: JurySession }),
      /** A late arrival or a departure, at the time it is recorded. */
      recordMovement: (id: string, body: Out<typeof AttendanceMovement>) =>
        request({ method: 'POST', path: `${sessionPath(id)}/movements`, body, schema: JurySession }),
      reschedule: (id: string, body: Out<typeof JurySessionUpdate>) =>
        request({ method: 'PATCH', path: sessionPath(id), body, schema: JurySession }),
      cancel: (id: string, body: Out<typeof SessionCancel>) =>
        request({ method: 'POST', path: `${sessionPath(id)}/cancel`, body, schema: JurySession }),
      /** Quorum and majority the juries deliberate under (the national admin sets them). */
      settings: () => request({ method: 'GET', path: '/jury/settings', schema: JurySettings }),
      putSettings: (body: Out<typeof JurySettingsUpdate>) =>
        request({ method: 'PUT', path: '/jury/settings', body, schema: JurySettings }),
      dossier: (id: string, dossierId: string) =>
        request({ method: 'GET', path: agendaDossierPath(id, dossierId), schema: JuryDossier }),
      declareConflict: (id: string, dossierId: string, body: Out<typeof ConflictDeclaration>) =>
        request({
          method: 'POST',
          path: `${agendaDossierPath(id, dossierId)}/conflict`,
          body,
          schema: AgendaEntry,
        }),
      vote: (id: string, dossierId: string, body: Out<typeof Vote>) =>
        request({
          method: 'POST',
          path: `${agendaDossierPath(id, dossierId)}/vote`,
          body,
          schema: AgendaEntry,
        }),
      decide: (id: string, dossierId: string, body: Out<typeof Decision>) =>
        request({
          method: 'POST',
          path: `${agendaDossierPath(id, dossierId)}/decision`,
          body,
          schema: AgendaEntry,
        }),
      close: (id: string) =>
        request({ method: 'POST', path: `${sessionPath(id)}/close`, schema: CloseSummary }),
      minutesPdf: (id: string) => download(`${sessionPath(id)}/minutes.pdf`, 'application/pdf'),
    },

    referentiels: {
      list: () => request({ method: 'GET', path: '/referentiels', schema: list(ReferentielSummary) }),
      get: (id: string) =>
        request({ method: 'GET', path: `/referentiels/${seg(id)}`, schema: ReferentielOut }),
      import: (body: Out<typeof ReferentielImport>, idempotencyKey: string) =>
        request({ method: 'POST', path: '/referentiels', body, idempotencyKey, schema: ReferentielOut }),
      update: (id: string, body: Out<typeof ReferentielSettingsUpdate>) =>
        request({ method: 'PATCH', path: `/referentiels/${seg(id)}`, body, schema: ReferentielOut }),
      publish: (id: string, body: Out<typeof ReferentielPublish>) =>
        request({ method: 'POST', path: `/referentiels/${seg(id)}/publish`, body, schema: ReferentielOut }),
    },

    evaluations: {
      start: (dossierId: string, body: Out<typeof EvaluationStart>, idempotencyKey: string) =>
        request({
          method: 'POST',
          path: `/dossiers/${seg(dossierId)}/evaluations`,
          body,
          idempotencyKey,
          schema: Evaluation,
        }),
      list: (dossierId: string) =>
        request({ method: 'GET', path: `/dossiers/${seg(dossierId)}/evaluations`, schema: list(Evaluation) }),
      get: (dossierId: string, evaluationId: string) =>
        request({ method: 'GET', path: evaluationPath(dossierId, evaluationId), schema: Evaluation }),
      save: (dossierId: string, evaluationId: string, body: Out<typeof EvaluationSave>) =>
        request({ method: 'PATCH', path: evaluationPath(dossierId, evaluationId), body, schema: Evaluation }),
      submit: (dossierId: string, evaluationId: string, body: Out<typeof EvaluationSubmit>) =>
        request({
          method: 'POST',
          path: `${evaluationPath(dossierId, evaluationId)}/submit`,
          body,
          schema: z.object({ evaluation: Evaluation, dossier: Dossier }),
        }),
    },

    trainingPlans: {
      get: (dossierId: string) =>
        request({ method: 'GET', path: `/dossiers/${seg(dossierId)}/training-plan`, schema: TrainingPlan }),
      create: (dossierId: string, body: TrainingPlanCreateBody, idempotencyKey: string) =>
        request({
          method: 'POST',
          path: `/dossiers/${seg(dossierId)}/training-plan`,
          body,
          idempotencyKey,
          schema: TrainingPlan,
        }),
      update: (dossierId: string, body: Out<typeof TrainingPlanUpdate>) =>
        request({
          method: 'PATCH',
          path: `/dossiers/${seg(dossierId)}/training-plan`,
          body,
          schema: TrainingPlan,
        }),
    },
  };
};

type Api = ReturnType<typeof createApi>;

export type { Api, CertificateQuery, DossierQuery, TrainingPlanCreateBody };
export { createApi };
