/**
 * Jury sessions of a region: planning, agenda, attendance, conflicts, votes and decisions. A jury
 * user reaches a session only in their own region (keys from the `region` claim) and, for members,
 * only if they sit on it: anything else is not found.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  DossierAction,
  NotFoundError,
  RuleViolationError,
  ValidationError,
  checkQuorum,
  isConflicted,
} from '@socle/domain';
import type { AgendaEntry, JuryMember, JurySession, Principal } from '@socle/domain';
import type { z } from 'zod';
import type { Decision, JurySessionCreate } from '@socle/domain';
import { ulid } from 'ulid';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { dossierAuditOf, findDossier, transitionDossier } from './dossiers.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { listJuryMembers } from './juryMembers.ts';
import type { PipelineEntry } from './juryPipeline.ts';
import { masteryOf } from './juryPipeline.ts';
import { keys } from './keys.ts';
import { queryAll } from './queryAll.ts';
import { assertVersion, putNew, putVersioned, toRecord } from './records.ts';
import { platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';

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

const createSession = async (
  ctx: WriteContext,
  input: z.infer<typeof JurySessionCreate>,
  idempotency?: IdempotencyRequest,
): Promise<JurySession> => {
  const region = regionOf(ctx.principal);
  const members = new Map((await listJuryMembers(region)).map((m) => [m.userId, m]));
  const unknown = input.memberIds.flatMap((id, i) =>
    members.get(id)?.role === 'jury_member' && members.get(id)?.active
      ? []
      : [{ path: `memberIds.${i}`, message: 'membre inconnu ou inactif dans le jury de cette région' }],
  );
  if (unknown.length) throw new ValidationError(unknown);
  const planned = checkQuorum(
    input.memberIds.map((id) => ({ college: members.get(id)?.college ?? 'employer' })),
    {
      minPerCollege: 1,
      parity: false,
    },
  );
  if (!planned.ok) throw new ValidationError([{ path: 'memberIds', message: planned.reason }]);
  const now = ctx.now.toISOString();
  const session: JurySession = {
    id: ulid(ctx.now.getTime()),
    region,
    ...input,
    status: 'planned',
    presentMemberIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    putNew(sessionItem(session), () => new RuleViolationError('duplicate_id', 'id collision')),
    auditPut(platformAudit, ctx, {
      action: 'jury_session.planned',
      entity: { type: 'jury_session', id: session.id },
    }),
    ...(idempotency ? [idempotencyPut(idempotency, { statusCode: 201, body: session }, ctx.now)] : []),
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
  const session = Item ? toRecord<JurySession>(Item) : undefined;
  if (!session || (!isSecretary(principal) && !session.memberIds.includes(principal.userId))) {
    throw new NotFoundError('jury session');
  }
  return session;
};

const listSessions = async (principal: Principal): Promise<JurySession[]> => {
  const sessions = await queryAll<JurySession>(keys.jurySessionsPrefix(regionOf(principal)));
  return sessions
    .filter((s) => isSecretary(principal) || s.memberIds.includes(principal.userId))
    .sort((a, b) => b.date.localeCompare(a.date));
};

const listAgenda = (sessionId: string) => queryAll<AgendaEntry>(keys.agendaPrefix(sessionId));

const getAgendaEntry = async (sessionId: string, dossierId: string): Promise<AgendaEntry> => {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.agendaEntry(sessionId, dossierId),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new NotFoundError('agenda entry');
  return toRecord<AgendaEntry>(Item);
};

const assertPlanned = (session: JurySession) => {
  if (session.status !== 'planned') {
    throw new RuleViolationError('session_closed', 'la session est close : ses décisions sont figées');
  }
};

/** Puts submitted dossiers of the region on the agenda; each moves to `on_jury_agenda` atomically. */
const addToAgenda = async (
  ctx: WriteContext,
  sessionId: string,
  dossierIds: string[],
): Promise<AgendaEntry[]> => {
  const session = await getSession(ctx.principal, sessionId);
  assertPlanned(session);
  const added: AgendaEntry[] = [];
  for (const [index, dossierId] of dossierIds.entries()) {
    const { Item } = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.pipelineEntry(session.region, dossierId),
        ConsistentRead: true,
      }),
    );
    const pipeline = Item ? toRecord<PipelineEntry>(Item) : undefined;
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
    const entry: AgendaEntry = {
      sessionId,
      dossierId,
      tenantId: pipeline.tenantId,
      view: pipeline.view,
      conflicts: [],
      votes: {},
    };
    await transitionDossier(scope, ctx, dossierId, undefined, {
      action: DossierAction.ADD_TO_AGENDA,
      version: dossier.version,
      stored: dossier,
      summary: `session du ${session.date}`,
      ignoreSuspension: true,
      extraItems: [
        putNew(
          { ...keys.agendaEntry(sessionId, dossierId), itemType: 'AgendaEntry', ...entry },
          () => new RuleViolationError('already_on_agenda', 'dossier déjà inscrit'),
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
          onConditionFailed: () =>
            new RuleViolationError('already_scheduled', 'dossier déjà inscrit à une session'),
        },
      ],
    });
    added.push(entry);
  }
  return added;
};

const removeFromAgenda = async (ctx: WriteContext, sessionId: string, dossierId: string) => {
  const session = await getSession(ctx.principal, sessionId);
  assertPlanned(session);
  const entry = await getAgendaEntry(sessionId, dossierId);
  if (entry.decision) throw new RuleViolationError('decided', 'une décision est déjà prise pour ce dossier');
  const scope = platformScopeFor(entry.tenantId);
  const dossier = await findDossier(scope, dossierId);
  if (!dossier) throw new NotFoundError('dossier');
  await transitionDossier(scope, ctx, dossierId, undefined, {
    action: DossierAction.REMOVE_FROM_AGENDA,
    version: dossier.version,
    stored: dossier,
    ignoreSuspension: true,
    extraItems: [
      {
        item: {
          Delete: {
            TableName: tableName(),
            Key: keys.agendaEntry(sessionId, dossierId),
            ConditionExpression: 'attribute_not_exists(decision)',
          },
        },
        onConditionFailed: () =>
          new RuleViolationError('decided', 'une décision est déjà prise pour ce dossier'),
      },
      {
        item: {
          Update: {
            TableName: tableName(),
            Key: keys.pipelineEntry(session.region, dossierId),
            UpdateExpression: 'REMOVE sessionId',
          },
        },
      },
    ],
  });
};

const setAttendance = async (
  ctx: WriteContext,
  sessionId: string,
  input: { version: number; presentMemberIds: string[] },
) => {
  const session = await getSession(ctx.principal, sessionId);
  assertPlanned(session);
  assertVersion('jury session', session, input.version);
  const strangers = input.presentMemberIds.flatMap((id, i) =>
    session.memberIds.includes(id)
      ? []
      : [{ path: `presentMemberIds.${i}`, message: "ce membre n'est pas convoqué à la session" }],
  );
  if (strangers.length) throw new ValidationError(strangers);
  const next: JurySession = {
    ...session,
    presentMemberIds: [...new Set(input.presentMemberIds)],
    version: session.version + 1,
    updatedAt: ctx.now.toISOString(),
  };
  await transact([putVersioned('jury session', sessionItem(next), session.version)]);
  return next;
};

/** Conflicted: declared for this dossier, or linked by the member's declared links. */
const conflictedMembers = (entry: AgendaEntry, members: JuryMember[]) =>
  new Set([
    ...entry.conflicts.map((c) => c.memberId),
    ...members
      .filter((m) =>
        isConflicted(m.links, {
          tenantId: entry.tenantId,
          organismId: entry.view.evaluatingOrganism.id,
          trainingOrganismId: entry.view.trainingOrganism?.id,
        }),
      )
      .map((m) => m.userId),
  ]);

/** The restricted projection of one dossier for the jury; every read is in the dossier's audit trail. */
const readAgendaDossier = async (ctx: WriteContext, sessionId: string, dossierId: string) => {
  const session = await getSession(ctx.principal, sessionId);
  const entry = await getAgendaEntry(sessionId, dossierId);
  const members = await listJuryMembers(session.region);
  const conflicted = conflictedMembers(entry, members);
  await transact([
    auditPut(dossierAuditOf(platformScopeFor(entry.tenantId), dossierId), ctx, {
      action: 'dossier.read_by_jury',
      entity: { type: 'dossier', id: dossierId },
      summary: `session ${session.date} (${session.region})`,
    }),
  ]);
  return { ...entry, conflictedMemberIds: [...conflicted] };
};

/**
 * Updates an agenda entry that has no decision yet: once decided, it is frozen (409 `decided`),
 * whoever raced to change it.
 */
const updateUndecided = (
  sessionId: string,
  dossierId: string,
  update: {
    UpdateExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  },
) =>
  transact([
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: keys.agendaEntry(sessionId, dossierId),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(decision)',
          ...update,
        },
      },
      onConditionFailed: () => new RuleViolationError('decided', 'la décision est déjà prise'),
    },
  ]);

const declareConflict = async (ctx: WriteContext, sessionId: string, dossierId: string, reason: string) => {
  const session = await getSession(ctx.principal, sessionId);
  assertPlanned(session);
  await getAgendaEntry(sessionId, dossierId);
  await updateUndecided(sessionId, dossierId, {
    UpdateExpression: 'SET conflicts = list_append(conflicts, :c)',
    ExpressionAttributeValues: {
      ':c': [{ memberId: ctx.principal.userId, reason, declaredAt: ctx.now.toISOString() }],
    },
  });
  return getAgendaEntry(sessionId, dossierId);
};

const vote = async (
  ctx: WriteContext,
  sessionId: string,
  dossierId: string,
  choice: 'certify' | 'adjourn',
) => {
  const session = await getSession(ctx.principal, sessionId);
  assertPlanned(session);
  if (!session.presentMemberIds.includes(ctx.principal.userId)) {
    throw new RuleViolationError('not_present', 'seuls les membres présents votent');
  }
  const entry = await getAgendaEntry(sessionId, dossierId);
  if (conflictedMembers(entry, await listJuryMembers(session.region)).has(ctx.principal.userId)) {
    throw new RuleViolationError(
      'conflicted',
      "vous avez un lien avec l'organisme de ce candidat : vous ne votez pas",
    );
  }
  await updateUndecided(sessionId, dossierId, {
    UpdateExpression: 'SET votes.#member = :vote',
    ExpressionAttributeNames: { '#member': ctx.principal.userId },
    ExpressionAttributeValues: { ':vote': choice },
  });
  return getAgendaEntry(sessionId, dossierId);
};

/**
 * Records the jury's decision. The session must be able to deliberate (paritary quorum); a
 * certification needs a majority of the votes cast by present, non-conflicted members, and the
 * server re-checks that every domain is mastered.
 */
const decide = async (
  ctx: WriteContext,
  sessionId: string,
  dossierId: string,
  input: z.infer<typeof Decision>,
) => {
  const session = await getSession(ctx.principal, sessionId);
  assertPlanned(session);
  const members = await listJuryMembers(session.region);
  const present = members.filter((m) => session.presentMemberIds.includes(m.userId));
  const quorum = checkQuorum(present.map((m) => ({ college: m.college ?? 'employer' })));
  if (!quorum.ok)
    throw new RuleViolationError('no_quorum', `la session ne peut pas délibérer : ${quorum.reason}`);
  const entry = await getAgendaEntry(sessionId, dossierId);
  if (entry.decision) throw new RuleViolationError('decided', 'la décision est déjà prise');
  const conflicted = conflictedMembers(entry, members);
  const cast = Object.entries(entry.votes).filter(
    ([member]) => !conflicted.has(member) && session.presentMemberIds.includes(member),
  );
  const votes = {
    certify: cast.filter(([, v]) => v === 'certify').length,
    adjourn: cast.filter(([, v]) => v === 'adjourn').length,
  };
  if (input.decision === 'certified') {
    if (votes.certify <= votes.adjourn) {
      throw new RuleViolationError(
        'no_majority',
        `pas de majorité pour certifier (pour : ${votes.certify}, contre : ${votes.adjourn})`,
      );
    }
    const dossier = await findDossier(platformScopeFor(entry.tenantId), dossierId);
    if (!dossier || !(await masteryOf(dossier)).complete) {
      throw new RuleViolationError(
        'not_eligible',
        'tous les domaines ne sont pas maîtrisés : ce dossier ne peut pas être certifié',
      );
    }
  }
  const decision = {
    decision: input.decision,
    reason: input.reason ?? null,
    decidedAt: ctx.now.toISOString(),
    decidedBy: ctx.principal.userId,
    votes,
  };
  await updateUndecided(sessionId, dossierId, {
    UpdateExpression: 'SET decision = :decision',
    ExpressionAttributeValues: { ':decision': decision },
  });
  return { ...entry, decision };
};

export type { PipelineEntry };
export {
  addToAgenda,
  conflictedMembers,
  createSession,
  declareConflict,
  decide,
  getAgendaEntry,
  getSession,
  listAgenda,
  listSessions,
  readAgendaDossier,
  regionOf,
  removeFromAgenda,
  sessionItem,
  setAttendance,
  vote,
};
