/**
 * Jury sessions of a region: planning, rescheduling, cancelling and the agenda. A jury user reaches
 * a session only in their own region (keys from the `region` claim) and, for members, only if they
 * sit on it: anything else is not found. The rules are the domain's (packages/domain/src/jury); each
 * write that depends on the session's state carries it as a condition in its own transaction
 * (`sessionGuard`), never only as an earlier read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  DossierAction,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  alreadyApplied,
  alreadyDecided,
  alreadyOnAgenda,
  alreadyScheduled,
  canChangeEntry,
  canChangeSession,
  canConvene,
  canEditAgenda,
  canPlanSession,
  duplicateId,
  enforce,
  frenchDay,
  sessionStillPlanned,
  violationOf,
} from '@socle/domain';
import type {
  AgendaEntry,
  JuryMember,
  JurySession,
  JurySessionCreate,
  JurySessionUpdate,
  Principal,
} from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import type { MessageContent, SessionSlot } from '@socle/domain/notifications';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { findDossier, transitionDossier } from './dossiers.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { listJuryMembers } from './juryMembers.ts';
import type { PipelineEntry } from './juryPipeline.ts';
import { keys } from './keys.ts';
import { candidateMessage, findMessageCandidate, juryMemberMessage } from './outbox.ts';
import { queryAll } from './queryAll.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import { actingOn, platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';
import { agendaEntryFromItem, jurySessionFromItem, pipelineEntryFromItem } from './entities/jury.ts';

const sessionItem = (s: JurySession) => ({
  ...keys.jurySession(s.region, s.id),
  itemType: 'JurySession',
  ...s,
});
const platformAudit = (at: string, id: string) => keys.platformAudit(at, id);
const isSecretary = (p: Principal) => p.roles.includes('jury_secretary');

/** The caller's region, from the token; a user without one reaches no session. */
const regionOf = (principal: Principal): string => {
  if (!principal.region) throw new NotFoundError('jury session');
  return principal.region;
};

/** The error of a session that moved on since it was read: closed or cancelled (409 with the rule), else changed. */
const sessionMovedOn = (existing: Record<string, unknown> | undefined) => {
  if (!existing) return new NotFoundError('jury session');
  const planned = sessionStillPlanned(existing as Pick<JurySession, 'status'>);
  if (!planned.ok) return violationOf(planned);
  return new VersionConflictError('jury session', existing.version as number | undefined);
};

/**
 * The session lock of an agenda, attendance, vote, decision or conflict write: the session is still
 * planned and at the version read (attendance, arrivals and departures bump it), checked in the
 * write's own transaction. A close freezes the session first, so no such write lands after it.
 */
const sessionGuard = (session: JurySession): GuardedItem => ({
  item: {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.jurySession(session.region, session.id),
      ConditionExpression: '#status = :planned AND #version = :version',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: { ':planned': 'planned', ':version': session.version },
    },
  },
  onConditionFailed: sessionMovedOn,
});

/**
 * Sessions have no duration field: invitations block 3 hours, a jury's usual sitting (SPEC §4).
 * A session has at most 30 members (JurySessionCreate), so a reschedule's messages (kept, added
 * and removed: at most 60) fit with the session write in one 100-item transaction: no chunking.
 */
const SESSION_INVITATION_MINUTES = 180;

/** The session as its members' emails show it; the invitation's SEQUENCE is the version minus one. */
const slotOf = (session: JurySession): SessionSlot => ({
  sessionId: session.id,
  region: session.region,
  date: session.date,
  startTime: session.startTime,
  durationMinutes: SESSION_INVITATION_MINUTES,
  place: session.place ?? null,
  videoLink: session.videoLink ?? null,
  sequence: session.version - 1,
});

/** One message per member, each keyed by its event and the member (queued in the event's transaction). */
const memberMessages = (
  jurors: JuryMember[],
  memberIds: string[],
  eventKey: (userId: string) => string,
  content: MessageContent,
  now: Date,
): GuardedItem[] =>
  memberIds.flatMap((userId) => {
    const juror = jurors.find((j) => j.userId === userId);
    return juror
      ? juryMemberMessage({
          person: { userId, firstName: juror.firstName, email: juror.email },
          eventKey: eventKey(userId),
          content,
          now,
        })
      : [];
  });

/** "session du 8 décembre 2026": audit summaries are read by people, in French. */
const sessionLabel = (session: Pick<JurySession, 'date'>) => `session du ${frenchDay(session.date)}`;

const createSession = async (
  ctx: WriteContext,
  input: z.infer<typeof JurySessionCreate>,
  idempotency?: IdempotencyRequest,
): Promise<JurySession> => {
  const region = regionOf(ctx.principal);
  enforce(canPlanSession({ region, date: input.date, now: ctx.clock.instant() }));
  const jurors = await listJuryMembers(region);
  enforce(canConvene({ memberIds: input.memberIds, jurors, date: input.date }));
  const now = ctx.clock.now();
  const session: JurySession = {
    id: ulid(ctx.clock.instant().getTime()),
    region,
    ...input,
    memberIds: [...new Set(input.memberIds)],
    status: 'planned',
    presentMemberIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    putNew(sessionItem(session), () => violationOf(duplicateId)),
    auditPut(platformAudit, ctx, {
      action: 'jury_session.planned',
      entity: { type: 'jury_session', id: session.id },
      summary: sessionLabel(session),
    }),
    ...memberMessages(
      jurors,
      session.memberIds,
      (userId) => `jury.convocation:${session.id}:${userId}`,
      { template: NotificationTemplate.JURY_CONVOCATION, session: slotOf(session) },
      ctx.clock.instant(),
    ),
    ...(idempotency
      ? [idempotencyPut(idempotency, { statusCode: 201, body: session }, ctx.clock.instant())]
      : []),
  ]);
  return session;
};

/** A session the caller may see: same region, and a member only if they sit on it. */
const getSession = async (principal: Principal, sessionId: string): Promise<JurySession> => {
  const region = regionOf(principal);
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.jurySession(region, sessionId),
      ConsistentRead: true,
    }),
  );
  const session = Item ? jurySessionFromItem(Item) : undefined;
  if (!session || (!isSecretary(principal) && !session.memberIds.includes(principal.userId))) {
    throw new NotFoundError('jury session');
  }
  return session;
};

const listSessions = async (principal: Principal): Promise<JurySession[]> => {
  const sessions = await queryAll(keys.jurySessionsPrefix(regionOf(principal)), jurySessionFromItem);
  return sessions
    .filter((s) => isSecretary(principal) || s.memberIds.includes(principal.userId))
    .sort((a, b) => b.date.localeCompare(a.date));
};

/** French words for what a reschedule changed, for the audit trail. */
const changesOf = (before: JurySession, after: JurySession): string[] => {
  const changes: string[] = [];
  if (before.date !== after.date) changes.push(`date : ${frenchDay(before.date)} → ${frenchDay(after.date)}`);
  if (before.startTime !== after.startTime) changes.push(`heure : ${before.startTime} → ${after.startTime}`);
  if ((before.place ?? null) !== (after.place ?? null)) changes.push('lieu');
  if ((before.videoLink ?? null) !== (after.videoLink ?? null)) changes.push('lien de visioconférence');
  const added = after.memberIds.filter((id) => !before.memberIds.includes(id)).length;
  const removed = before.memberIds.filter((id) => !after.memberIds.includes(id)).length;
  if (added || removed) changes.push(`membres convoqués : ${added} ajouté(s), ${removed} retiré(s)`);
  return changes;
};

/**
 * Reschedules (date, time, place, video link) or changes the convened members, until the session
 * opens: the (new) date is today or later in the region, and the convened members' terms cover it.
 */
const rescheduleSession = async (
  ctx: WriteContext,
  sessionId: string,
  input: z.infer<typeof JurySessionUpdate>,
): Promise<JurySession> => {
  const session = await getSession(ctx.principal, sessionId);
  enforce(canChangeSession(session));
  assertVersion('jury session', session, input.version);
  const { version: _version, ...fields } = input;
  const next: JurySession = {
    ...session,
    ...fields,
    memberIds: fields.memberIds ? [...new Set(fields.memberIds)] : session.memberIds,
    version: session.version + 1,
    updatedAt: ctx.clock.now(),
  };
  if (!next.place && !next.videoLink) {
    throw new ValidationError([{ path: 'place', message: 'un lieu ou un lien de visioconférence' }]);
  }
  // A session whose day went by without opening must be moved, not kept in the past.
  enforce(canPlanSession({ region: session.region, date: next.date, now: ctx.clock.instant() }));
  const jurors = await listJuryMembers(session.region);
  enforce(canConvene({ memberIds: next.memberIds, jurors, date: next.date }));
  const changes = changesOf(session, next);
  if (!changes.length) return session;
  const kept = next.memberIds.filter((id) => session.memberIds.includes(id));
  const added = next.memberIds.filter((id) => !session.memberIds.includes(id));
  const removed = session.memberIds.filter((id) => !next.memberIds.includes(id));
  const slotChanged = (['date', 'startTime', 'place', 'videoLink'] as const).some(
    (field) => (session[field] ?? null) !== (next[field] ?? null),
  );
  // Same invitation UID throughout: kept members' calendars update it (SEQUENCE + 1); a member
  // only added or removed is not told of a slot that did not move for them.
  const messages = [
    ...(slotChanged
      ? memberMessages(
          jurors,
          kept,
          (userId) => `jury.rescheduled:${sessionId}:${userId}:${next.version}`,
          {
            template: NotificationTemplate.JURY_RESCHEDULED,
            session: slotOf(next),
            previous: { date: session.date, startTime: session.startTime },
          },
          ctx.clock.instant(),
        )
      : []),
    ...memberMessages(
      jurors,
      added,
      (userId) => `jury.convocation:${sessionId}:${userId}:${next.version}`,
      { template: NotificationTemplate.JURY_CONVOCATION, session: slotOf(next) },
      ctx.clock.instant(),
    ),
    ...memberMessages(
      jurors,
      removed,
      (userId) => `jury.cancelled:${sessionId}:${userId}:${next.version}`,
      { template: NotificationTemplate.JURY_CANCELLED, session: slotOf(next) },
      ctx.clock.instant(),
    ),
  ];
  await transact([
    // The version is the lock: opening the session (attendance) bumps it.
    putVersioned('jury session', sessionItem(next), session.version),
    auditPut(platformAudit, ctx, {
      action: 'jury_session.rescheduled',
      entity: { type: 'jury_session', id: sessionId },
      summary: changes.join(' ; '),
    }),
    ...messages,
  ]);
  return next;
};

const listAgenda = (sessionId: string) => queryAll(keys.agendaPrefix(sessionId), agendaEntryFromItem);

const getAgendaEntry = async (sessionId: string, dossierId: string): Promise<AgendaEntry> => {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.agendaEntry(sessionId, dossierId),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new NotFoundError('agenda entry');
  return agendaEntryFromItem(Item);
};

/** Puts submitted dossiers of the region on the agenda; each moves to `on_jury_agenda` atomically. */
const addToAgenda = async (
  ctx: WriteContext,
  sessionId: string,
  dossierIds: string[],
): Promise<AgendaEntry[]> => {
  const session = await getSession(ctx.principal, sessionId);
  enforce(canEditAgenda(session));
  const added: AgendaEntry[] = [];
  for (const [index, dossierId] of dossierIds.entries()) {
    const { Item } = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.pipelineEntry(session.region, dossierId),
        ConsistentRead: true,
      }),
    );
    const pipeline = Item ? pipelineEntryFromItem(Item) : undefined;
    if (!pipeline || pipeline.sessionId) {
      throw new ValidationError([
        {
          path: `dossierIds.${index}`,
          message: 'dossier absent des dossiers en attente du jury de la région',
        },
      ]);
    }
    const scope = platformScopeFor(pipeline.tenantId);
    const dossier = await findDossier(scope, dossierId);
    if (!dossier) throw new NotFoundError('dossier');
    const candidate = await findMessageCandidate(scope, dossier.candidateId);
    const entry: AgendaEntry = {
      sessionId,
      dossierId,
      tenantId: pipeline.tenantId,
      view: pipeline.view,
      conflicts: [],
      votes: {},
      revision: 0,
    };
    await transitionDossier(actingOn(ctx, scope), dossierId, {
      action: DossierAction.ADD_TO_AGENDA,
      version: dossier.version,
      stored: dossier,
      summary: sessionLabel(session),
      ignoreSuspension: true,
      extraItems: [
        sessionGuard(session),
        putNew({ ...keys.agendaEntry(sessionId, dossierId), itemType: 'AgendaEntry', ...entry }, () =>
          violationOf(alreadyOnAgenda),
        ),
        {
          item: {
            Update: {
              TableName: tableName(),
              Key: keys.pipelineEntry(session.region, dossierId),
              UpdateExpression: 'SET sessionId = :session',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sessionId)',
              ExpressionAttributeValues: { ':session': sessionId },
            },
          },
          onConditionFailed: () => violationOf(alreadyScheduled),
        },
        // The candidate learns the jury's date with the scheduling itself. The dossier version is in
        // the key: taken off the agenda and put back on it, the candidate is told again.
        ...(candidate
          ? candidateMessage({
              scope,
              candidate,
              dossierId,
              eventKey: `jury.scheduled:${sessionId}:${dossierId}:${dossier.version}`,
              now: ctx.clock.instant(),
              content: {
                template: NotificationTemplate.JURY_DATE,
                certification: dossier.certification,
                region: session.region,
                sessionDate: session.date,
              },
            })
          : []),
      ],
    });
    added.push(entry);
  }
  return added;
};

/**
 * Takes an undecided dossier off a session's agenda, back to the region's pipeline (the dossier
 * back to `eligible`), in one transaction guarded by `guard` (the session's state).
 */
const releaseEntry = async (
  ctx: WriteContext,
  session: JurySession,
  entry: AgendaEntry,
  guard: GuardedItem,
  agendaItem: GuardedItem,
) => {
  const scope = platformScopeFor(entry.tenantId);
  const dossier = await findDossier(scope, entry.dossierId);
  if (!dossier) throw new NotFoundError('dossier');
  await transitionDossier(actingOn(ctx, scope), entry.dossierId, {
    action: DossierAction.REMOVE_FROM_AGENDA,
    version: dossier.version,
    stored: dossier,
    summary: sessionLabel(session),
    ignoreSuspension: true,
    extraItems: [
      guard,
      agendaItem,
      {
        item: {
          Update: {
            TableName: tableName(),
            Key: keys.pipelineEntry(session.region, entry.dossierId),
            UpdateExpression: 'REMOVE sessionId',
          },
        },
      },
    ],
  });
};

const removeFromAgenda = async (ctx: WriteContext, sessionId: string, dossierId: string) => {
  const session = await getSession(ctx.principal, sessionId);
  enforce(canEditAgenda(session));
  const entry = await getAgendaEntry(sessionId, dossierId);
  enforce(canChangeEntry(entry));
  await releaseEntry(ctx, session, entry, sessionGuard(session), {
    item: {
      Delete: {
        TableName: tableName(),
        Key: keys.agendaEntry(sessionId, dossierId),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(decision)',
      },
    },
    onConditionFailed: () => violationOf(alreadyDecided),
  });
};

/** Marks an agenda entry as sent back to the pipeline (kept for the minutes), once. */
const returnedItem = (sessionId: string, dossierId: string, at: string): GuardedItem => ({
  item: {
    Update: {
      TableName: tableName(),
      Key: keys.agendaEntry(sessionId, dossierId),
      UpdateExpression: 'SET appliedAt = :at, returnedToPipeline = :yes',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(appliedAt)',
      ExpressionAttributeValues: { ':at': at, ':yes': true },
    },
  },
  onConditionFailed: () => violationOf(alreadyApplied),
});

/** A guard that the session is (still) in `status`: cancelling and closing release entries under it. */
const statusGuard = (session: JurySession, status: JurySession['status']): GuardedItem => ({
  item: {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.jurySession(session.region, session.id),
      ConditionExpression: '#status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status },
    },
  },
  onConditionFailed: sessionMovedOn,
});

/**
 * Cancels a session with a reason, until it opens; its agenda goes back to the region's pipeline.
 * Resumable: cancelling a cancelled session finishes sending its agenda back.
 */
const cancelSession = async (
  ctx: WriteContext,
  sessionId: string,
  input: { version: number; reason: string },
): Promise<JurySession> => {
  let session = await getSession(ctx.principal, sessionId);
  if (session.status !== 'cancelled') {
    enforce(canChangeSession(session));
    assertVersion('jury session', session, input.version);
    const cancelled: JurySession = {
      ...session,
      status: 'cancelled',
      cancelledAt: ctx.clock.now(),
      cancelReason: input.reason,
      version: session.version + 1,
      updatedAt: ctx.clock.now(),
    };
    const jurors = await listJuryMembers(session.region);
    await transact([
      putVersioned('jury session', sessionItem(cancelled), session.version),
      auditPut(platformAudit, ctx, {
        action: 'jury_session.cancelled',
        entity: { type: 'jury_session', id: sessionId },
        summary: `${sessionLabel(session)} : ${input.reason}`,
      }),
      ...memberMessages(
        jurors,
        cancelled.memberIds,
        (userId) => `jury.cancelled:${sessionId}:${userId}:${cancelled.version}`,
        { template: NotificationTemplate.JURY_CANCELLED, session: slotOf(cancelled) },
        ctx.clock.instant(),
      ),
    ]);
    session = cancelled;
  }
  for (const entry of await listAgenda(sessionId)) {
    if (entry.appliedAt) continue;
    await releaseEntry(
      ctx,
      session,
      entry,
      statusGuard(session, 'cancelled'),
      returnedItem(sessionId, entry.dossierId, ctx.clock.now()),
    );
  }
  return session;
};

export type { PipelineEntry };
export {
  addToAgenda,
  cancelSession,
  createSession,
  getAgendaEntry,
  getSession,
  listAgenda,
  listSessions,
  memberMessages,
  regionOf,
  releaseEntry,
  removeFromAgenda,
  rescheduleSession,
  returnedItem,
  sessionGuard,
  sessionItem,
  sessionLabel,
  sessionMovedOn,
  slotOf,
  statusGuard,
};
