/**
 * The API as the pages call it, grouped by what they handle: each function is one route of the
 * contract (@socle/contract), called by id; method, path, schemas and idempotency come from the route.
 */
import { createClient } from './client';
import type { BodyOf, Fetch, QueryOf } from './client';

type CertificateQuery = QueryOf<'listCertificates'>;
type DossierQuery = QueryOf<'listDossiers'>;
type TrainingPlanCreateBody = BodyOf<'createTrainingPlan'>;

/** The API, bound to a `fetch` (the load function's, or the global one). */
const createApi = (fetchFn?: Fetch) => {
  const { call } = createClient(fetchFn);
  return {
    me: () => call('getMe'),

    tenants: {
      list: (query: QueryOf<'listTenants'> = {}) => call('listTenants', { query }),
      get: (tenantId: string) => call('getTenant', { params: { tenantId } }),
      create: (body: BodyOf<'createTenant'>, idempotencyKey: string) =>
        call('createTenant', { body, idempotencyKey }),
      update: (tenantId: string, body: BodyOf<'updateTenant'>) =>
        call('updateTenant', { params: { tenantId }, body }),
      suspend: (tenantId: string, body: BodyOf<'suspendTenant'>) =>
        call('suspendTenant', { params: { tenantId }, body }),
      reactivate: (tenantId: string, body: BodyOf<'reactivateTenant'>) =>
        call('reactivateTenant', { params: { tenantId }, body }),
      admins: (tenantId: string) => call('listTenantAdmins', { params: { tenantId } }),
      inviteAdmin: (tenantId: string, body: BodyOf<'inviteTenantAdmin'>, idempotencyKey: string) =>
        call('inviteTenantAdmin', { params: { tenantId }, body, idempotencyKey }),
    },

    organisms: {
      list: () => call('listOrganisms'),
      get: (organismId: string) => call('getOrganism', { params: { organismId } }),
      create: (body: BodyOf<'createOrganism'>, idempotencyKey: string) =>
        call('createOrganism', { body, idempotencyKey }),
      update: (organismId: string, body: BodyOf<'updateOrganism'>) =>
        call('updateOrganism', { params: { organismId }, body }),
    },

    users: {
      list: () => call('listUsers'),
      get: (userId: string) => call('getUser', { params: { userId } }),
      invite: (body: BodyOf<'inviteUser'>, idempotencyKey: string) =>
        call('inviteUser', { body, idempotencyKey }),
      update: (userId: string, body: BodyOf<'updateUser'>) =>
        call('updateUser', { params: { userId }, body }),
    },

    dossiers: {
      list: (query: DossierQuery = {}) => call('listDossiers', { query }),
      get: (dossierId: string) => call('getDossier', { params: { dossierId } }),
      open: (body: BodyOf<'openDossier'>, idempotencyKey: string) =>
        call('openDossier', { body, idempotencyKey }),
      update: (dossierId: string, body: BodyOf<'updateDossier'>) =>
        call('updateDossier', { params: { dossierId }, body }),
      audit: (dossierId: string, query: QueryOf<'listDossierAudit'> = {}) =>
        call('listDossierAudit', { params: { dossierId }, query }),
      withdraw: (dossierId: string, body: BodyOf<'withdrawDossier'>) =>
        call('withdrawDossier', { params: { dossierId }, body }),
      reopen: (dossierId: string, body: BodyOf<'reopenDossier'>) =>
        call('reopenDossier', { params: { dossierId }, body }),
      restitution: (dossierId: string) => call('getRestitution', { params: { dossierId } }),
      portfolioPdf: (dossierId: string) => call('getPortfolioPdf', { params: { dossierId } }),
      submitToJury: (dossierId: string, body: BodyOf<'submitToJury'>) =>
        call('submitToJury', { params: { dossierId }, body }),
      resumeTraining: (dossierId: string, body: BodyOf<'resumeTraining'>) =>
        call('resumeTraining', { params: { dossierId }, body }),
    },

    /** The register of certificates (national admin: all by year; network admin: their network's). */
    certificates: {
      list: (query: CertificateQuery = {}) => call('listCertificates', { query }),
      get: (code: string) => call('getCertificate', { params: { code } }),
      revoke: (code: string, body: BodyOf<'revokeCertificate'>) =>
        call('revokeCertificate', { params: { code }, body }),
      pdf: (code: string) => call('getCertificatePdf', { params: { code } }),
      credential: (code: string) => call('exportCredential', { params: { code } }),
      /** The holder's name and the candidate's postal code and commune, to prefill a request. */
      paperCopyRecipient: (code: string) => call('getPaperCopyRecipient', { params: { code } }),
      requestPaperCopy: (code: string, body: BodyOf<'requestPaperCopy'>) =>
        call('requestPaperCopy', { params: { code }, body }),
      advancePaperCopy: (code: string, status: BodyOf<'advancePaperCopy'>['status']) =>
        call('advancePaperCopy', { params: { code }, body: { status } }),
      paperCopies: (status: QueryOf<'listPaperCopies'>['status']) =>
        call('listPaperCopies', { query: { status } }),
    },

    /** The regional juries' members, managed by the national admin. */
    juries: {
      members: (region: string) => call('listJuryMembers', { params: { region } }),
      invite: (region: string, body: BodyOf<'inviteJuryMember'>, idempotencyKey: string) =>
        call('inviteJuryMember', { params: { region }, body, idempotencyKey }),
      update: (region: string, userId: string, body: BodyOf<'updateJuryMember'>) =>
        call('updateJuryMember', { params: { region, userId }, body }),
    },

    /** The caller's regional jury (the region comes from their token). */
    jury: {
      pipeline: () => call('listJuryPipeline'),
      members: () => call('listRegionJuryMembers'),
      sessions: () => call('listJurySessions'),
      createSession: (body: BodyOf<'createJurySession'>, idempotencyKey: string) =>
        call('createJurySession', { body, idempotencyKey }),
      session: (sessionId: string) => call('getJurySession', { params: { sessionId } }),
      addToAgenda: (sessionId: string, body: BodyOf<'addToJuryAgenda'>) =>
        call('addToJuryAgenda', { params: { sessionId }, body }),
      removeFromAgenda: (sessionId: string, dossierId: string) =>
        call('removeFromJuryAgenda', { params: { sessionId, dossierId } }),
      setAttendance: (sessionId: string, body: BodyOf<'setJuryAttendance'>) =>
        call('setJuryAttendance', { params: { sessionId }, body }),
      /** A late arrival or a departure, at the time it is recorded. */
      recordMovement: (sessionId: string, body: BodyOf<'recordJuryMovement'>) =>
        call('recordJuryMovement', { params: { sessionId }, body }),
      reschedule: (sessionId: string, body: BodyOf<'rescheduleJurySession'>) =>
        call('rescheduleJurySession', { params: { sessionId }, body }),
      cancel: (sessionId: string, body: BodyOf<'cancelJurySession'>) =>
        call('cancelJurySession', { params: { sessionId }, body }),
      /** Quorum and majority the juries deliberate under (the national admin sets them). */
      settings: () => call('getJurySettings'),
      putSettings: (body: BodyOf<'putJurySettings'>) => call('putJurySettings', { body }),
      dossier: (sessionId: string, dossierId: string) =>
        call('readJuryDossier', { params: { sessionId, dossierId } }),
      declareConflict: (sessionId: string, dossierId: string, body: BodyOf<'declareJuryConflict'>) =>
        call('declareJuryConflict', { params: { sessionId, dossierId }, body }),
      vote: (sessionId: string, dossierId: string, body: BodyOf<'voteOnJuryDossier'>) =>
        call('voteOnJuryDossier', { params: { sessionId, dossierId }, body }),
      decide: (sessionId: string, dossierId: string, body: BodyOf<'decideJuryDossier'>) =>
        call('decideJuryDossier', { params: { sessionId, dossierId }, body }),
      close: (sessionId: string) => call('closeJurySession', { params: { sessionId } }),
      minutesPdf: (sessionId: string) => call('getJuryMinutesPdf', { params: { sessionId } }),
    },

    referentiels: {
      list: () => call('listReferentiels'),
      get: (referentielId: string) => call('getReferentiel', { params: { referentielId } }),
      import: (body: BodyOf<'importReferentiel'>, idempotencyKey: string) =>
        call('importReferentiel', { body, idempotencyKey }),
      update: (referentielId: string, body: BodyOf<'updateReferentielSettings'>) =>
        call('updateReferentielSettings', { params: { referentielId }, body }),
      publish: (referentielId: string, body: BodyOf<'publishReferentiel'>) =>
        call('publishReferentiel', { params: { referentielId }, body }),
    },

    evaluations: {
      start: (dossierId: string, body: BodyOf<'startEvaluation'>, idempotencyKey: string) =>
        call('startEvaluation', { params: { dossierId }, body, idempotencyKey }),
      list: (dossierId: string) => call('listEvaluations', { params: { dossierId } }),
      get: (dossierId: string, evaluationId: string) =>
        call('getEvaluation', { params: { dossierId, evaluationId } }),
      save: (dossierId: string, evaluationId: string, body: BodyOf<'saveEvaluation'>) =>
        call('saveEvaluation', { params: { dossierId, evaluationId }, body }),
      submit: (dossierId: string, evaluationId: string, body: BodyOf<'submitEvaluation'>) =>
        call('submitEvaluation', { params: { dossierId, evaluationId }, body }),
    },

    trainingPlans: {
      get: (dossierId: string) => call('getTrainingPlan', { params: { dossierId } }),
      create: (dossierId: string, body: TrainingPlanCreateBody, idempotencyKey: string) =>
        call('createTrainingPlan', { params: { dossierId }, body, idempotencyKey }),
      update: (dossierId: string, body: BodyOf<'updateTrainingPlan'>) =>
        call('updateTrainingPlan', { params: { dossierId }, body }),
    },
  };
};

type Api = ReturnType<typeof createApi>;

export type { Api, CertificateQuery, DossierQuery, TrainingPlanCreateBody };
export { createApi };
