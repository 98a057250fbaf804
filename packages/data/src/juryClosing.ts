/**
 * Closing a jury session, on or after its date in the region: freeze the session, then apply the
 * decisions one candidate per transaction (certificate + dossier + agenda entry + pipeline), then
 * mark the session closed. A candidate without a decision the voters took goes back to the
 * region's pipeline (never adjourned by default); certificates are dated on the session's date. A transaction
 * holds at most 100 items, so a 300-candidate session cannot close in one: the procedure is
 * resumable instead. Each candidate's transaction is all-or-nothing and marks its agenda entry
 * applied, and the dossier's certificate marker exists at most once, so running "close" again after
 * a crash finishes the job and never issues a certificate twice.
 */
import { randomBytes } from 'node:crypto';
import {
  DossierAction,
  NotFoundError,
  RuleViolationError,
  alreadyApplied,
  alreadyIssued,
  canCloseAgenda,
  canDeliberate,
  canIssueCertificates,
  certificateCodeFrom,
  enforce,
  foldForSearch,
  violationOf,
} from '@socle/domain';
import type { AgendaEntry, JuryMember, JurySession } from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import type { MessageContent } from '@socle/domain/notifications';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { findDossier, transitionDossier } from './dossiers.ts';
import { decisionStands } from './juryDeliberation.ts';
import { listJuryMembers } from './juryMembers.ts';
import {
  getSession,
  listAgenda,
  releaseEntry,
  returnedItem,
  sessionItem,
  sessionLabel,
  statusGuard,
} from './jurySessions.ts';
import type { Certificate } from './entities/certificate.ts';
import { keys } from './keys.ts';
import { candidateMessage, findMessageCandidate } from './outbox.ts';
import { putNew, putVersioned } from './records.ts';
import { actingOn, platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

/** Test hook: called at each step; throwing there simulates a crash at that point. */
type FaultHook = (step: string) => void;

interface CloseResult {
  session: JurySession;
  certified: number;
  adjourned: number;
  /** Candidates without a decision, sent back to the region's pipeline. */
  returned: number;
  /** Candidates whose decision this run applied (0 when resuming a finished close). */
  appliedNow: number;
  /** Certificates this run issued (the `CertificatesIssued` metric): the certified part of `appliedNow`. */
  issuedNow: number;
  /** Decisions still to apply when the time budget ran out: call "close" again. */
  remaining: number;
}

interface CloseOptions {
  fault?: FaultHook;
  /** Stop applying decisions after this long (an HTTP call has 30 s); the next call resumes. */
  budgetMs?: number;
}

class CodeCollision extends Error {}

const appliedItems = (
  session: JurySession,
  entry: AgendaEntry,
  ctx: WriteContext,
  code?: string,
): GuardedItem[] => [
  {
    item: {
      Update: {
        TableName: tableName(),
        Key: keys.agendaEntry(session.id, entry.dossierId),
        UpdateExpression: code ? 'SET appliedAt = :at, certificateCode = :code' : 'SET appliedAt = :at',
        ConditionExpression: 'attribute_not_exists(appliedAt)',
        ExpressionAttributeValues: { ':at': ctx.clock.now(), ...(code ? { ':code': code } : {}) },
      },
    },
    onConditionFailed: () => violationOf(alreadyApplied),
  },
  { item: { Delete: { TableName: tableName(), Key: keys.pipelineEntry(session.region, entry.dossierId) } } },
];

/** Applies one decision in one transaction. */
const applyDecision = async (
  ctx: WriteContext,
  session: JurySession,
  entry: AgendaEntry,
  fault: FaultHook,
) => {
  const scope = platformScopeFor(entry.tenantId);
  const dossier = await findDossier(scope, entry.dossierId);
  if (!dossier) throw new NotFoundError('dossier');
  const certified = entry.decision?.decision === 'certified';
  const common = {
    version: dossier.version,
    stored: dossier,
    ignoreSuspension: true,
    summary: `jury de la ${sessionLabel(session)}`,
  };
  const candidate = await findMessageCandidate(scope, dossier.candidateId);
  // The candidate's emails, each in the decision's own transaction (an erased candidate gets none).
  const tell = (eventKey: string, content: MessageContent) =>
    candidate
      ? candidateMessage({
          scope,
          candidate,
          dossierId: entry.dossierId,
          eventKey,
          now: ctx.clock.instant(),
          content,
        })
      : [];
  const decisionMessage = tell(`jury.decision:${session.id}:${entry.dossierId}`, {
    template: NotificationTemplate.DECISION,
    certification: dossier.certification,
    region: session.region,
    sessionDate: session.date,
    decision: certified ? 'certified' : 'adjourned',
  });
  fault('before-candidate');
  if (!certified) {
    await transitionDossier(actingOn(ctx, scope), entry.dossierId, {
      ...common,
      action: DossierAction.ADJOURN,
      patch: {
        submittedToJuryAt: undefined,
        juryDecision: {
          decision: 'adjourned',
          reason: entry.decision?.reason ?? null,
          sessionDate: session.date,
        },
      },
      extraItems: [statusGuard(session, 'closing'), ...appliedItems(session, entry, ctx), ...decisionMessage],
    });
    fault('after-candidate');
    return;
  }
  for (;;) {
    const code = certificateCodeFrom(dossier.certification, randomBytes(8));
    const certificate: Certificate = {
      code,
      certification: dossier.certification,
      status: 'valid',
      issuedOn: session.date,
      region: session.region,
      sessionId: session.id,
      tenantId: entry.tenantId,
      dossierId: entry.dossierId,
      holder: { ...dossier.candidate },
    };
    try {
      await transitionDossier(actingOn(ctx, scope), entry.dossierId, {
        ...common,
        action: DossierAction.CERTIFY,
        patch: {
          certificateCode: code,
          submittedToJuryAt: undefined,
          juryDecision: { decision: 'certified', reason: null, sessionDate: session.date },
        },
        extraItems: [
          statusGuard(session, 'closing'),
          putNew(
            {
              ...keys.certificate(code),
              ...keys.certificatesBySession(session.id, code),
              ...keys.certificateListings(entry.tenantId, session.date, code),
              searchName: foldForSearch(`${dossier.candidate.lastName} ${dossier.candidate.firstName}`),
              itemType: 'Certificate',
              ...certificate,
            },
            () => new CodeCollision(),
          ),
          putNew(
            {
              ...keys.dossierCertificate(scope, entry.dossierId),
              itemType: 'DossierCertificate',
              code,
              sessionId: session.id,
            },
            () => violationOf(alreadyIssued),
          ),
          ...appliedItems(session, entry, ctx, code),
          ...decisionMessage,
          ...tell(`certificate.issued:${code}`, {
            template: NotificationTemplate.CERTIFICATE_AVAILABLE,
            certification: dossier.certification,
            certificateCode: code,
            issuedOn: certificate.issuedOn,
          }),
        ],
      });
      fault('after-candidate');
      return;
    } catch (error) {
      // 60 random bits: a collision is next to impossible, but a code must never be reused.
      if (!(error instanceof CodeCollision)) throw error;
    }
  }
};

/** What closing does with an entry: apply its decision, or send the candidate back to the pipeline. */
const standsOf = (agenda: AgendaEntry[], members: JuryMember[]) =>
  new Map(agenda.map((e) => [e.dossierId, !!e.decision && decisionStands(e, members)]));

const closeSession = async (
  ctx: WriteContext,
  sessionId: string,
  { fault = () => {}, budgetMs = Number.POSITIVE_INFINITY }: CloseOptions = {},
): Promise<CloseResult> => {
  const startedAt = Date.now();
  let session = await getSession(ctx.principal, sessionId);
  const members = await listJuryMembers(session.region);
  let agenda = await listAgenda(sessionId);
  let stands = standsOf(agenda, members);
  const counts = () => ({
    certified: agenda.filter((e) => stands.get(e.dossierId) && e.decision?.decision === 'certified').length,
    adjourned: agenda.filter((e) => stands.get(e.dossierId) && e.decision?.decision === 'adjourned').length,
    returned: agenda.filter((e) => !stands.get(e.dossierId)).length,
  });
  if (session.status === 'closed') return { session, ...counts(), appliedNow: 0, issuedNow: 0, remaining: 0 };
  if (session.status === 'planned') {
    // Never before the session's day in its region: a certificate is never dated in the future.
    enforce(canDeliberate(session, ctx.clock.instant()));
    enforce(canCloseAgenda(agenda.length));
    fault('before-freeze');
    const closing: JurySession = {
      ...session,
      status: 'closing',
      version: session.version + 1,
      updatedAt: ctx.clock.now(),
    };
    await transact([
      putVersioned('jury session', sessionItem(closing), session.version),
      auditPut((at, id) => keys.platformAudit(at, id), ctx, {
        action: 'jury_session.closing',
        entity: { type: 'jury_session', id: sessionId },
      }),
    ]);
    session = closing;
    // Read again once frozen: every agenda, vote and decision write is conditioned on the session
    // being planned, so this read is final (a write racing the close either landed before or failed).
    agenda = await listAgenda(sessionId);
    stands = standsOf(agenda, members);
  }
  enforce(canIssueCertificates(session, ctx.clock.instant()));
  let appliedNow = 0;
  let issuedNow = 0;
  const pending = agenda.filter((e) => !e.appliedAt);
  for (const [index, entry] of pending.entries()) {
    if (Date.now() - startedAt > budgetMs) {
      return { session, ...counts(), appliedNow, issuedNow, remaining: pending.length - index };
    }
    try {
      if (stands.get(entry.dossierId)) {
        await applyDecision(ctx, session, entry, fault);
        if (entry.decision?.decision === 'certified') issuedNow++;
      } else {
        fault('before-candidate');
        await releaseEntry(
          ctx,
          session,
          entry,
          statusGuard(session, 'closing'),
          returnedItem(sessionId, entry.dossierId, ctx.clock.now()),
        );
        fault('after-candidate');
      }
      appliedNow++;
    } catch (error) {
      // Another "close" running at the same time applied it first: nothing left to do here.
      if (!(error instanceof RuleViolationError && error.code === 'already_applied')) throw error;
    }
  }
  fault('before-close');
  const { returned, ...summary } = counts();
  const closed: JurySession = {
    ...session,
    status: 'closed',
    closedAt: ctx.clock.now(),
    summary,
    version: session.version + 1,
    updatedAt: ctx.clock.now(),
  };
  await transact([
    putVersioned('jury session', sessionItem(closed), session.version),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'jury_session.closed',
      entity: { type: 'jury_session', id: sessionId },
      summary: `${summary.certified} certifié(s), ${summary.adjourned} ajourné(s), ${returned} sans décision (retour aux dossiers en attente)`,
    }),
  ]);
  return { session: closed, ...summary, returned, appliedNow, issuedNow, remaining: 0 };
};

export type { CloseOptions, CloseResult, FaultHook };
export { closeSession };
