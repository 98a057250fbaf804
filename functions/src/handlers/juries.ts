/** Jury members, submission to the jury, sessions, deliberation and closing. */
import {
  addToAgenda,
  cancelSession,
  closeSession,
  createSession,
  declareConflict,
  decide,
  getJurySettings,
  getSession,
  inviteJuryMember,
  listAgenda,
  listJuryMembers,
  listPipeline,
  listSessions,
  publishAgenda,
  putJurySettings,
  readAgendaDossier,
  recordMovement,
  regionOf,
  removeFromAgenda,
  rescheduleSession,
  setAttendance,
  submitToJury,
  updateJuryMember,
  vote,
  withdrawJuryMemberInvitation,
} from '@socle/data';
import type { Principal } from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/juries';
import { defineRoute } from '../http.ts';
import { withoutAttributes } from '../routeResult.ts';
import { inviteAccount, setAccountEnabled } from '../identityDirectory.ts';
import { SocleMetric } from '../metricNames.ts';
import { countMetric } from '../metrics.ts';

/** The session page: the session, an agenda of summaries (the dossiers are read one by one), members. */
const sessionDetail = async (principal: Principal, sessionId: string) => {
  const session = await getSession(principal, sessionId);
  const [agenda, members] = await Promise.all([listAgenda(sessionId), listJuryMembers(session.region)]);
  return {
    session,
    agenda: agenda
      .map((e) => ({
        dossierId: e.dossierId,
        candidate: { firstName: e.view.candidate.firstName, lastName: e.view.candidate.lastName },
        networkName: e.view.networkName,
        presentation: e.view.presentation,
        votesCast: Object.keys(e.votes).length,
        decision: e.decision,
        appliedAt: e.appliedAt,
        returnedToPipeline: e.returnedToPipeline,
        certificateCode: e.certificateCode,
      }))
      .sort((a, b) => a.candidate.lastName.localeCompare(b.candidate.lastName, 'fr')),
    members: members.filter((m) => session.memberIds.includes(m.userId)),
  };
};

const juryHandlers = {
  listJuryMembers: defineRoute(routeOf('listJuryMembers'), async ({ params }) => ({
    items: await listJuryMembers(params.region),
  })),
  // Jury users sign in like staff: their Cognito account is made and disabled the same way.
  inviteJuryMember: defineRoute(routeOf('inviteJuryMember'), async ({ actor, params, body, idempotency }) => {
    const member = await inviteJuryMember(actor, params.region, body);
    return inviteAccount({
      invitee: {
        id: member.userId,
        email: member.email,
        firstName: member.firstName,
        lastName: member.lastName,
      },
      response: member,
      withdraw: () => withdrawJuryMemberInvitation(actor, member),
      idempotency,
      now: actor.clock.instant(),
    });
  }),
  updateJuryMember: defineRoute(routeOf('updateJuryMember'), async ({ actor, params, body }) => {
    const member = await updateJuryMember(actor, params.region, params.userId, body);
    if (body.active !== undefined) await setAccountEnabled(member.userId, member.active);
    return member;
  }),
  submitToJury: defineRoute(routeOf('submitToJury'), ({ actor, params, body }) =>
    submitToJury(actor, params.dossierId, body),
  ),
  listJuryPipeline: defineRoute(routeOf('listJuryPipeline'), async ({ principal }) => ({
    items: (await listPipeline(regionOf(principal))).map((entry) => withoutAttributes(entry, 'erasedAt')),
  })),
  listRegionJuryMembers: defineRoute(routeOf('listRegionJuryMembers'), async ({ principal }) => ({
    items: await listJuryMembers(regionOf(principal)),
  })),
  listJurySessions: defineRoute(routeOf('listJurySessions'), async ({ principal }) => ({
    items: await listSessions(principal),
  })),
  createJurySession: defineRoute(routeOf('createJurySession'), ({ actor, body, idempotency }) =>
    createSession(actor, body, idempotency),
  ),
  getJurySession: defineRoute(routeOf('getJurySession'), ({ principal, params }) =>
    sessionDetail(principal, params.sessionId),
  ),
  rescheduleJurySession: defineRoute(routeOf('rescheduleJurySession'), ({ actor, params, body }) =>
    rescheduleSession(actor, params.sessionId, body),
  ),
  cancelJurySession: defineRoute(routeOf('cancelJurySession'), ({ actor, params, body }) =>
    cancelSession(actor, params.sessionId, body),
  ),
  recordJuryMovement: defineRoute(routeOf('recordJuryMovement'), ({ actor, params, body }) =>
    recordMovement(actor, params.sessionId, body),
  ),
  getJurySettings: defineRoute(routeOf('getJurySettings'), () => getJurySettings()),
  putJurySettings: defineRoute(routeOf('putJurySettings'), ({ actor, body }) => putJurySettings(actor, body)),
  addToJuryAgenda: defineRoute(routeOf('addToJuryAgenda'), async ({ actor, principal, params, body }) => {
    await addToAgenda(actor, params.sessionId, body.dossierIds);
    return sessionDetail(principal, params.sessionId);
  }),
  removeFromJuryAgenda: defineRoute(routeOf('removeFromJuryAgenda'), async ({ actor, principal, params }) => {
    await removeFromAgenda(actor, params.sessionId, params.dossierId);
    return sessionDetail(principal, params.sessionId);
  }),
  setJuryAttendance: defineRoute(routeOf('setJuryAttendance'), ({ actor, params, body }) =>
    setAttendance(actor, params.sessionId, body),
  ),
  readJuryDossier: defineRoute(routeOf('readJuryDossier'), ({ actor, params }) =>
    readAgendaDossier(actor, params.sessionId, params.dossierId),
  ),
  declareJuryConflict: defineRoute(routeOf('declareJuryConflict'), ({ actor, params, body }) =>
    declareConflict(actor, params.sessionId, params.dossierId, body.reason),
  ),
  voteOnJuryDossier: defineRoute(routeOf('voteOnJuryDossier'), ({ actor, params, body }) =>
    vote(actor, params.sessionId, params.dossierId, body.vote),
  ),
  decideJuryDossier: defineRoute(routeOf('decideJuryDossier'), ({ actor, params, body }) =>
    decide(actor, params.sessionId, params.dossierId, body),
  ),
  publishJuryAgenda: defineRoute(routeOf('publishJuryAgenda'), ({ actor, params }) =>
    publishAgenda(actor, params.sessionId),
  ),
  // 20 s of work per call keeps well under API Gateway's 30 s; the client calls again while `remaining > 0`.
  closeJurySession: defineRoute(routeOf('closeJurySession'), async ({ actor, params }) => {
    const { issuedNow, ...summary } = await closeSession(actor, params.sessionId, { budgetMs: 20_000 });
    // Counted per call, as issued: a resumed or repeated close never counts a certificate twice.
    countMetric(SocleMetric.CERTIFICATES_ISSUED, issuedNow);
    return summary;
  }),
};

export { juryHandlers };
