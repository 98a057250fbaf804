/**
 * Closing a jury session: freeze the decisions, then apply them one candidate per transaction
 * (certificate + dossier + agenda entry + pipeline), then mark the session closed. A transaction
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
  certificateCodeFrom,
  foldForSearch,
} from '@socle/domain';
import type { AgendaEntry, JurySession } from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { findDossier, transitionDossier } from './dossiers.ts';
import { getSession, listAgenda, sessionItem } from './jurySessions.ts';
import { keys } from './keys.ts';
import { putNew, putVersioned } from './records.ts';
import { platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

/** Test hook: called at each step; throwing there simulates a crash at that point. */
type FaultHook = (step: string) => void;

interface CloseResult {
  session: JurySession;
  certified: number;
  adjourned: number;
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

interface Certificate {
  code: string;
  certification: string;
  status: 'valid' | 'revoked';
  issuedOn: string;
  region: string;
  sessionId: string;
  tenantId: string;
  dossierId: string;
  holder: { firstName: string; lastName: string; birthDate: string };
}

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
        ExpressionAttributeValues: { ':at': ctx.now.toISOString(), ...(code ? { ':code': code } : {}) },
      },
    },
    onConditionFailed: () => new RuleViolationError('already_applied', 'décision déjà appliquée'),
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
    summary: `jury du ${session.date}`,
  };
  fault('before-candidate');
  if (!certified) {
    await transitionDossier(scope, ctx, entry.dossierId, undefined, {
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
      extraItems: appliedItems(session, entry, ctx),
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
      await transitionDossier(scope, ctx, entry.dossierId, undefined, {
        ...common,
        action: DossierAction.CERTIFY,
        patch: {
          certificateCode: code,
          submittedToJuryAt: undefined,
          juryDecision: { decision: 'certified', reason: null, sessionDate: session.date },
        },
        extraItems: [
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
            () => new RuleViolationError('already_certified', 'ce dossier a déjà un certificat'),
          ),
          ...appliedItems(session, entry, ctx, code),
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

const closeSession = async (
  ctx: WriteContext,
  sessionId: string,
  { fault = () => {}, budgetMs = Number.POSITIVE_INFINITY }: CloseOptions = {},
): Promise<CloseResult> => {
  const startedAt = Date.now();
  let session = await getSession(ctx.principal, sessionId);
  let agenda = await listAgenda(sessionId);
  const counts = () => ({
    certified: agenda.filter((e) => e.decision?.decision === 'certified').length,
    adjourned: agenda.filter((e) => e.decision?.decision === 'adjourned').length,
  });
  if (session.status === 'closed') return { session, ...counts(), appliedNow: 0, issuedNow: 0, remaining: 0 };
  if (session.status === 'planned') {
    const undecided = agenda.filter((e) => !e.decision).length;
    if (undecided > 0) {
      throw new RuleViolationError(
        'undecided',
        `${undecided} dossier(s) sans décision : la session ne peut pas être close`,
      );
    }
    if (agenda.length === 0) throw new RuleViolationError('empty_agenda', "l'ordre du jour est vide");
    fault('before-freeze');
    const closing: JurySession = {
      ...session,
      status: 'closing',
      version: session.version + 1,
      updatedAt: ctx.now.toISOString(),
    };
    await transact([
      putVersioned('jury session', sessionItem(closing), session.version),
      auditPut((at, id) => keys.platformAudit(at, id), ctx, {
        action: 'jury_session.closing',
        entity: { type: 'jury_session', id: sessionId },
      }),
    ]);
    session = closing;
    agenda = await listAgenda(sessionId);
  }
  let appliedNow = 0;
  let issuedNow = 0;
  const pending = agenda.filter((e) => !e.appliedAt);
  for (const [index, entry] of pending.entries()) {
    if (Date.now() - startedAt > budgetMs) {
      return { session, ...counts(), appliedNow, issuedNow, remaining: pending.length - index };
    }
    try {
      await applyDecision(ctx, session, entry, fault);
      appliedNow++;
      if (entry.decision?.decision === 'certified') issuedNow++;
    } catch (error) {
      // Another "close" running at the same time applied it first: nothing left to do here.
      if (!(error instanceof RuleViolationError && error.code === 'already_applied')) throw error;
    }
  }
  fault('before-close');
  const summary = counts();
  const closed: JurySession = {
    ...session,
    status: 'closed',
    closedAt: ctx.now.toISOString(),
    summary,
    version: session.version + 1,
    updatedAt: ctx.now.toISOString(),
  };
  await transact([
    putVersioned('jury session', sessionItem(closed), session.version),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'jury_session.closed',
      entity: { type: 'jury_session', id: sessionId },
      summary: `${summary.certified} certifié(s), ${summary.adjourned} ajourné(s)`,
    }),
  ]);
  return { session: closed, ...summary, appliedNow, issuedNow, remaining: 0 };
};

export type { Certificate, CloseOptions, CloseResult, FaultHook };
export { closeSession };
