/**
 * Erasure of a candidate's data (GDPR art. 17, SPEC §7), once their dossiers are closed and the
 * retention has run. What remains identifies nobody:
 *
 * - each dossier becomes a record of its statistics fields (`ERASURE_KEPT_FIELDS`, `erasedAt`),
 *   still in the network's dossier index so that the counters can be rebuilt, never listed or read;
 * - evaluations keep their statuses per criterion without the notes; the training plan its hours
 *   and attendance without objectives, topics or progress notes;
 * - the certificate register keeps the code, certification, dates, region, status and the holder's
 *   first name and last initial (public verification answers as before), not the last name, the
 *   birth date, the search name or a paper copy's address;
 * - the jury agenda entries (the minutes' source) keep the first name and last initial;
 * - the candidate and their dossier links are deleted; the audit trails stay as they are (they
 *   hold no identity: actions, dates, statuses, staff).
 *
 * A candidate may hold several dossiers, and a transaction at most 100 items: the procedure erases
 * one dossier per transaction (its items and its audit event with it), then deletes the candidate
 * last. Run again after a crash, it skips the dossiers already erased and finishes the job.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ERASURE_KEPT_FIELDS,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  asOfToday,
  canErase,
  checkErasure,
  enforce,
  erasureConflict,
  foldForSearch,
  lastInitialOf,
  violationOf,
} from '@socle/domain';
import type { Candidate, Dossier, ErasureResult, Evaluation } from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import type { StoredCertificate } from './entities/certificate.ts';
import { db } from './client.ts';
import {
  certificatesOf,
  getDataProtectionSettings,
  juryRecordsOf,
  loadCandidate,
  pendingPaperCopiesOf,
  readStoredDossiers,
} from './dataProtection.ts';
import type { JuryRecord, StoredDossier } from './dataProtection.ts';
import type { StoredLiveDossier } from './entities/dossier.ts';
import { listEvaluations } from './evaluations.ts';
import { keys } from './keys.ts';
import type { Key } from './keys.ts';
import { listCandidateMessageKeys } from './outbox.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

/** Items per transaction (DynamoDB's limit is 100). */
const MAX_TRANSACTION_ITEMS = 100;

/** Test hook: called at each step; throwing there simulates a crash at that point. */
type ErasureFault = (step: 'before-dossier' | 'after-dossier' | 'before-candidate') => void;

/** What remains of a dossier: its statistics fields, in the indexes the counters are rebuilt from. */
const tombstoneOf = (scope: TenantScope, dossier: Dossier, now: string) => {
  const kept = Object.fromEntries(
    ERASURE_KEPT_FIELDS.filter((field) => (dossier as Record<string, unknown>)[field] !== undefined).map(
      (field) => [field, (dossier as Record<string, unknown>)[field]],
    ),
  );
  return {
    ...keys.dossier(scope, dossier.id),
    ...keys.dossierIndexes(scope, dossier),
    itemType: 'Dossier',
    ...kept,
    // The jury's outcome and date, not its reasons (free text about the candidate).
    ...(dossier.juryDecision
      ? {
          juryDecision: {
            decision: dossier.juryDecision.decision,
            sessionDate: dossier.juryDecision.sessionDate,
          },
        }
      : {}),
    erasedAt: now,
    version: dossier.version + 1,
    updatedAt: now,
  };
};

const update = (
  key: { pk: string; sk: string },
  expression: string,
  values: Record<string, unknown>,
  names?: Record<string, string>,
): GuardedItem => ({
  item: {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: expression,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: values,
      ...(names ? { ExpressionAttributeNames: names } : {}),
    },
  },
  onConditionFailed: () => violationOf(erasureConflict),
});

const scrubEvaluation = (scope: TenantScope, dossierId: string, evaluation: Evaluation, now: string) =>
  update(keys.evaluation(scope, dossierId, evaluation.id), 'SET results = :results, erasedAt = :at', {
    ':results': Object.fromEntries(
      Object.entries(evaluation.results).map(([code, result]) => [code, { status: result.status }]),
    ),
    ':at': now,
  });

const scrubTrainingPlan = (scope: TenantScope, dossier: Dossier, now: string, sessions: unknown[]) =>
  update(
    keys.trainingPlan(scope, dossier.id, dossier.trainingPlanId as string),
    'SET sessions = :sessions, erasedAt = :at REMOVE objectives',
    { ':sessions': sessions, ':at': now },
  );

const scrubCertificate = (certificate: StoredCertificate, holder: Candidate, now: string) => {
  const lastInitial = lastInitialOf(holder.lastName);
  return update(
    keys.certificate(certificate.code),
    `SET holder = :holder, searchName = :search, holderErasedAt = :at${certificate.paperCopy ? ' REMOVE paperCopy.recipient' : ''}`,
    {
      ':holder': { firstName: certificate.holder.firstName, lastInitial },
      ':search': foldForSearch(`${lastInitial} ${certificate.holder.firstName}`),
      ':at': now,
    },
  );
};

const scrubAgendaEntry = ({ session, entry }: JuryRecord, now: string) =>
  update(
    keys.agendaEntry(session.id, entry.dossierId),
    'SET #view.#candidate = :candidate, erasedAt = :at',
    {
      // The minutes still read a name: the first name and the last initial.
      ':candidate': {
        firstName: entry.view.candidate.firstName,
        lastName: lastInitialOf(entry.view.candidate.lastName),
      },
      ':at': now,
    },
    { '#view': 'view', '#candidate': 'candidate' },
  );

/** The plan's sessions without what was written about the candidate (topics, progress notes). */
const plainSessions = async (scope: TenantScope, dossier: Dossier) => {
  if (!dossier.trainingPlanId) return undefined;
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.trainingPlan(scope, dossier.id, dossier.trainingPlanId),
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  return ((Item.sessions ?? []) as Record<string, unknown>[]).map(
    ({ topic: _topic, progressNote: _note, ...session }) => session,
  );
};

/**
 * One dossier's erasure: its items, then (in the last transaction) the dossier itself and its audit
 * event. Usually a single transaction; a dossier with more than 98 related items is split, the
 * scrubs first, so that a crash in between leaves a dossier that is simply erased again.
 */
const eraseDossier = async (
  scope: TenantScope,
  ctx: WriteContext,
  candidate: Candidate,
  dossier: Dossier,
  certificate: StoredCertificate | undefined,
) => {
  const now = ctx.clock.now();
  const [evaluations, sessions, juryRecords] = await Promise.all([
    listEvaluations(scope, dossier.id),
    plainSessions(scope, dossier),
    juryRecordsOf(dossier),
  ]);
  const related: GuardedItem[] = [
    ...evaluations.map((e) => scrubEvaluation(scope, dossier.id, e, now)),
    ...(sessions ? [scrubTrainingPlan(scope, dossier, now, sessions)] : []),
    ...(certificate ? [scrubCertificate(certificate, candidate, now)] : []),
    ...juryRecords.map((record) => scrubAgendaEntry(record, now)),
  ];
  const final: GuardedItem[] = [
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: tombstoneOf(scope, dossier, now),
          ConditionExpression:
            'attribute_exists(pk) AND #version = :expected AND attribute_not_exists(erasedAt)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': dossier.version },
        },
      },
      onConditionFailed: (existing) =>
        existing
          ? new VersionConflictError('dossier', existing.version as number)
          : new NotFoundError('dossier'),
    },
    auditPut((at, id) => keys.dossierAudit(scope, dossier.id, at, id), ctx, {
      action: 'dossier.erased',
      entity: { type: 'dossier', id: dossier.id },
      toStatus: dossier.status,
    }),
  ];
  const room = MAX_TRANSACTION_ITEMS - final.length;
  let rest = related;
  while (rest.length > room) {
    await transact(rest.slice(0, MAX_TRANSACTION_ITEMS));
    rest = rest.slice(MAX_TRANSACTION_ITEMS);
  }
  await transact([...rest, ...final]);
};

interface EraseOptions {
  /** The candidate's last name as the person erasing typed it: a deliberate confirmation. */
  lastName: string;
  fault?: ErasureFault;
}

const TRANSACTION_LIMIT = 100;
const messageDelete = (key: Key): GuardedItem => ({ item: { Delete: { TableName: tableName(), Key: key } } });

/** Erases a candidate's data, or refuses (409) with the French reasons, or 404 for another network's. */
const eraseCandidate = async (
  actor: TenantActor,
  candidateId: string,
  { lastName, fault = () => {} }: EraseOptions,
): Promise<ErasureResult> => {
  const { scope } = actor;
  const ctx = actor;
  const today = ctx.clock.now().slice(0, 10);
  const { candidate, dossierIds } = await loadCandidate(scope, candidateId);
  if (foldForSearch(lastName) !== foldForSearch(candidate.lastName)) {
    throw new ValidationError([{ path: 'lastName', message: 'ne correspond pas au nom du candidat' }]);
  }
  const [stored, settings] = await Promise.all([
    readStoredDossiers(scope, dossierIds),
    getDataProtectionSettings(),
  ]);
  const pending = stored.filter((d): d is StoredLiveDossier => !d.erasedAt);
  const certificates = await certificatesOf(pending);
  const check = checkErasure({
    dossiers: stored,
    retentionYears: settings.retentionYears,
    today,
    pendingPaperCopies: pendingPaperCopiesOf(certificates),
  });
  enforce(canErase(check));
  for (const dossier of pending) {
    fault('before-dossier');
    await eraseDossier(
      scope,
      ctx,
      candidate,
      // Past its deadline a dossier is expired, even if the nightly sweep has not written it yet.
      asOfToday(dossier, today),
      certificates.find((c) => c.dossierId === dossier.id)?.certificate,
    );
    fault('after-dossier');
  }
  fault('before-candidate');
  // The candidate's queued and sent emails (their partition, pattern 39) go with the candidate item.
  // Past DynamoDB's 100 items per transaction, the overflow is deleted first: a retry lists again.
  const messageKeys = await listCandidateMessageKeys(scope, candidateId);
  const room = Math.max(0, TRANSACTION_LIMIT - 2 - dossierIds.length);
  const overflow = messageKeys.slice(room);
  for (let start = 0; start < overflow.length; start += TRANSACTION_LIMIT) {
    await transact(overflow.slice(start, start + TRANSACTION_LIMIT).map(messageDelete));
  }
  await transact([
    {
      item: {
        Delete: {
          TableName: tableName(),
          Key: keys.candidate(scope, candidateId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      onConditionFailed: () => new NotFoundError('candidate'),
    },
    ...dossierIds.map(
      (dossierId): GuardedItem => ({
        item: {
          Delete: { TableName: tableName(), Key: keys.candidateDossier(scope, candidateId, dossierId) },
        },
      }),
    ),
    auditPut((at, id) => keys.tenantAudit(scope.tenantId, at, id), ctx, {
      action: 'candidate.erased',
      entity: { type: 'candidate', id: candidateId },
      summary: `${stored.length} dossier(s)`,
    }),
    ...messageKeys.slice(0, room).map(messageDelete),
  ]);
  return {
    candidateId,
    erasedAt: ctx.clock.now(),
    dossiers: stored.map((d: StoredDossier) => ({ id: d.id, status: asOfToday(d, today).status })),
    certificates: stored.flatMap((d) => (d.certificateCode ? [d.certificateCode] : [])),
  };
};

export type { EraseOptions, ErasureFault };
export { eraseCandidate };
