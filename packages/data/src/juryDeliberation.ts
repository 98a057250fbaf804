/**
 * Deliberation of a jury session (SPEC §4): attendance, late arrivals and departures, conflict
 * declarations, votes and the decisions the secretary records. Each write reads, asks the domain
 * (packages/domain/src/jury), then writes with the session lock (`sessionGuard`: still planned, at
 * the version read) and the agenda entry's revision in the same transaction, so a decision is
 * always taken on the attendance and votes it was checked against.
 */
import {
  DEFAULT_JURY_RULES,
  NotFoundError,
  VersionConflictError,
  alreadyDecided,
  attendanceFrozen,
  canCertify,
  canChangeEntry,
  canDeclareConflict,
  canDeliberate,
  canEditAgenda,
  canRecordMovement,
  canSetAttendance,
  canVote,
  decideJuryOutcome,
  enforce,
  isConflicted,
  isRepeatDeclaration,
  presentAt,
  tallyVotes,
  violationOf,
  votersFor,
} from '@socle/domain';
import type {
  AgendaEntry,
  Decision,
  JuryMember,
  JurySession,
  JurySettings,
  Outcome,
  Seat,
} from '@socle/domain';
import type { z } from 'zod';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { dossierAuditOf, findDossier } from './dossiers.ts';
import { listJuryMembers } from './juryMembers.ts';
import { masteryOf } from './juryPipeline.ts';
import { getJurySettings } from './jurySettings.ts';
import {
  getAgendaEntry,
  getSession,
  sessionGuard,
  sessionItem,
  sessionLabel,
  sessionMovedOn,
} from './jurySessions.ts';
import { keys } from './keys.ts';
import { platformScopeFor } from './scope.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

const platformAudit = (at: string, id: string) => keys.platformAudit(at, id);

/** Conflicted for a candidate: declared for this dossier, or linked by the member's declared links. */
const conflictedMembers = (entry: AgendaEntry, members: readonly JuryMember[]) =>
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

/** The rules a session deliberates under: pinned when it opened, else the setting in force. */
const rulesOf = async (session: JurySession): Promise<JurySettings> =>
  session.rules ?? (await getJurySettings());

/** Present (at the candidate's examination), conflicted and voting members of one agenda entry, and the tally. */
const deliberationOf = (
  session: JurySession,
  entry: AgendaEntry,
  members: readonly JuryMember[],
  rules: JurySettings,
  now: Date,
) => {
  const present = presentAt(session, entry.examinedAt ?? now.toISOString());
  const conflicted = conflictedMembers(entry, members);
  const voters = votersFor({ present, conflicted });
  const tally = tallyVotes({ ballots: entry.votes, voters, majority: rules.majority });
  return { present, conflicted: [...conflicted], voters, tally, rules };
};

/** Retries a read-decide-write when another write moved the entry or the session in between. */
const withFreshRead = async <T>(attempt: () => Promise<T>, tries = 4): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflictError) || i >= tries) throw error;
    }
  }
};

/** Opens the session with the members present (or corrects the list until the first vote). */
const setAttendance = async (
  ctx: WriteContext,
  sessionId: string,
  input: { version: number; presentMemberIds: string[] },
): Promise<JurySession> => {
  const session = await getSession(ctx.principal, sessionId);
  enforce(canDeliberate(session, ctx.clock.instant()));
  const jurors = await listJuryMembers(session.region);
  enforce(canSetAttendance({ session, presentMemberIds: input.presentMemberIds, jurors }));
  if (session.version !== input.version) throw new VersionConflictError('jury session', session.version);
  const now = ctx.clock.now();
  const next: JurySession = {
    ...session,
    presentMemberIds: [...new Set(input.presentMemberIds)],
    openedAt: session.openedAt ?? now,
    // The quorum and majority in force when the session opens apply to the whole session.
    rules: session.rules ?? (await getJurySettings()),
    version: session.version + 1,
    updatedAt: now,
  };
  await transact([
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: sessionItem(next),
          // Frozen from the first vote (which does not bump the version): checked here, in the write.
          ConditionExpression:
            '#status = :planned AND #version = :expected AND attribute_not_exists(votingStartedAt)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':planned': 'planned', ':expected': session.version },
        },
      },
      onConditionFailed: (existing) =>
        existing?.votingStartedAt && existing.status === 'planned'
          ? violationOf(attendanceFrozen)
          : sessionMovedOn(existing),
    },
    auditPut(platformAudit, ctx, {
      action: session.openedAt ? 'jury_session.attendance_corrected' : 'jury_session.opened',
      entity: { type: 'jury_session', id: sessionId },
      summary: `${next.presentMemberIds.length} membre(s) présent(s)`,
    }),
  ]);
  return next;
};

/** A late arrival or a departure, at the time it is recorded; it applies to candidates examined after it. */
const recordMovement = async (
  ctx: WriteContext,
  sessionId: string,
  input: { version: number; memberId: string; kind: 'arrival' | 'departure' },
): Promise<JurySession> => {
  const session = await getSession(ctx.principal, sessionId);
  enforce(canDeliberate(session, ctx.clock.instant()));
  enforce(
    canRecordMovement({
      session,
      memberId: input.memberId,
      kind: input.kind,
      jurors: await listJuryMembers(session.region),
    }),
  );
  if (session.version !== input.version) throw new VersionConflictError('jury session', session.version);
  const now = ctx.clock.now();
  const next: JurySession = {
    ...session,
    movements: [...(session.movements ?? []), { memberId: input.memberId, kind: input.kind, at: now }],
    version: session.version + 1,
    updatedAt: now,
  };
  await transact([
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: sessionItem(next),
          ConditionExpression: '#status = :planned AND #version = :expected',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':planned': 'planned', ':expected': session.version },
        },
      },
      onConditionFailed: sessionMovedOn,
    },
    auditPut(platformAudit, ctx, {
      action: input.kind === 'arrival' ? 'jury_session.member_arrived' : 'jury_session.member_left',
      entity: { type: 'jury_session', id: sessionId },
    }),
  ]);
  return next;
};

/** The restricted projection of one dossier for the jury; every read is in the dossier's audit trail. */
const readAgendaDossier = async (ctx: WriteContext, sessionId: string, dossierId: string) => {
  const session = await getSession(ctx.principal, sessionId);
  const entry = await getAgendaEntry(sessionId, dossierId);
  const members = await listJuryMembers(session.region);
  const deliberation = deliberationOf(session, entry, members, await rulesOf(session), ctx.clock.instant());
  await transact([
    auditPut(dossierAuditOf(platformScopeFor(entry.tenantId), dossierId), ctx, {
      action: 'dossier.read_by_jury',
      entity: { type: 'dossier', id: dossierId },
      summary: sessionLabel(session),
    }),
  ]);
  return {
    ...entry,
    conflictedMemberIds: deliberation.conflicted,
    deliberation: {
      present: deliberation.present,
      voters: deliberation.voters,
      tally: deliberation.tally,
      rules: deliberation.rules,
    },
  };
};

/**
 * The agenda entry's update, guarded: the session lock, no decision yet, and the entry still at the
 * revision read (every vote and declaration bumps it).
 */
const entryUpdate = (
  session: JurySession,
  entry: AgendaEntry,
  update: {
    UpdateExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  },
): GuardedItem[] => [
  sessionGuard(session),
  {
    item: {
      Update: {
        TableName: tableName(),
        Key: keys.agendaEntry(session.id, entry.dossierId),
        ...update,
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(decision) AND (#revision = :revision OR (attribute_not_exists(#revision) AND :revision = :zero))',
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#revision': 'revision' },
        ExpressionAttributeValues: {
          ...update.ExpressionAttributeValues,
          ':revision': entry.revision ?? 0,
          ':zero': 0,
        },
      },
    },
    onConditionFailed: (existing) =>
      existing?.decision
        ? violationOf(alreadyDecided)
        : existing
          ? new VersionConflictError('agenda entry', existing.revision as number | undefined)
          : new NotFoundError('agenda entry'),
  },
];

/** A member declares a link with a candidate once; a repeat is the same declaration, nothing written. */
const declareConflict = (ctx: WriteContext, sessionId: string, dossierId: string, reason: string) =>
  withFreshRead(async () => {
    const session = await getSession(ctx.principal, sessionId);
    enforce(canEditAgenda(session));
    const entry = await getAgendaEntry(sessionId, dossierId);
    const memberId = ctx.principal.userId;
    if (isRepeatDeclaration(entry.conflicts, memberId)) return entry;
    enforce(canDeclareConflict({ memberId, convened: session.memberIds, reason, decided: !!entry.decision }));
    const declaration = { memberId, reason, declaredAt: ctx.clock.now() };
    await transact(
      entryUpdate(session, entry, {
        UpdateExpression: 'SET conflicts = list_append(conflicts, :c), #revision = :next',
        ExpressionAttributeValues: { ':c': [declaration], ':next': (entry.revision ?? 0) + 1 },
      }),
    );
    return { ...entry, conflicts: [...entry.conflicts, declaration], revision: (entry.revision ?? 0) + 1 };
  });

const vote = (ctx: WriteContext, sessionId: string, dossierId: string, choice: 'certify' | 'adjourn') =>
  withFreshRead(async () => {
    const session = await getSession(ctx.principal, sessionId);
    enforce(canDeliberate(session, ctx.clock.instant()));
    const entry = await getAgendaEntry(sessionId, dossierId);
    const members = await listJuryMembers(session.region);
    const memberId = ctx.principal.userId;
    const { present, conflicted } = deliberationOf(
      session,
      entry,
      members,
      await rulesOf(session),
      ctx.clock.instant(),
    );
    enforce(
      canVote({
        memberId,
        present,
        conflicted,
        juror: members.find((m) => m.userId === memberId),
        date: session.date,
        decided: !!entry.decision,
      }),
    );
    const now = ctx.clock.now();
    const [guard, update] = entryUpdate(session, entry, {
      UpdateExpression:
        'SET votes.#member = :vote, examinedAt = if_not_exists(examinedAt, :now), #revision = :next',
      ExpressionAttributeNames: { '#member': memberId },
      ExpressionAttributeValues: { ':vote': choice, ':now': now, ':next': (entry.revision ?? 0) + 1 },
    }) as [GuardedItem, GuardedItem];
    // The first vote freezes the attendance: the session lock becomes an update setting the marker
    // (the version stays, so members voting at the same time do not refuse each other).
    const sessionLock: GuardedItem = {
      item: {
        Update: {
          ...(guard.item.ConditionCheck as NonNullable<GuardedItem['item']['ConditionCheck']>),
          UpdateExpression: 'SET votingStartedAt = if_not_exists(votingStartedAt, :now)',
          ExpressionAttributeValues: {
            ...guard.item.ConditionCheck?.ExpressionAttributeValues,
            ':now': now,
          },
        },
      },
      onConditionFailed: guard.onConditionFailed,
    };
    await transact([sessionLock, update]);
    return getAgendaEntry(sessionId, dossierId);
  });

/**
 * Records the outcome of the vote on a candidate: only what the voters decided (decideJuryOutcome:
 * quorum, both colleges among the voters, the majority of the session's rules, a reason for an
 * adjournment), and a certification only if every domain is mastered. The decision keeps who was
 * present, who voted what and who was conflicted.
 */
const decide = (ctx: WriteContext, sessionId: string, dossierId: string, input: z.infer<typeof Decision>) =>
  withFreshRead(async () => {
    const session = await getSession(ctx.principal, sessionId);
    enforce(canDeliberate(session, ctx.clock.instant()));
    const entry = await getAgendaEntry(sessionId, dossierId);
    enforce(canChangeEntry(entry));
    const members = await listJuryMembers(session.region);
    const rules = await rulesOf(session);
    const d = deliberationOf(session, entry, members, rules, ctx.clock.instant());
    const seat = (id: string): Seat => ({
      userId: id,
      college: members.find((m) => m.userId === id)?.college,
    });
    const outcome: Outcome = input.decision;
    enforce(
      decideJuryOutcome({
        outcome,
        reason: input.reason,
        present: d.present.map(seat),
        voters: d.voters.map(seat),
        ballots: entry.votes,
        rules,
      }),
    );
    if (outcome === 'certified') {
      const dossier = await findDossier(platformScopeFor(entry.tenantId), dossierId);
      enforce(canCertify(dossier ? await masteryOf(dossier) : undefined));
    }
    const ballots = Object.fromEntries(
      d.voters.flatMap((id) => (entry.votes[id] ? [[id, entry.votes[id]]] : [])),
    );
    const decision: NonNullable<AgendaEntry['decision']> = {
      decision: outcome,
      reason: outcome === 'adjourned' ? (input.reason ?? null) : null,
      decidedAt: ctx.clock.now(),
      decidedBy: ctx.principal.userId,
      votes: { certify: d.tally.certify, adjourn: d.tally.adjourn },
      present: d.present,
      voters: d.voters,
      conflicted: d.conflicted,
      colleges: Object.fromEntries(
        d.present.flatMap((id) => {
          const college = members.find((m) => m.userId === id)?.college;
          return college ? [[id, college]] : [];
        }),
      ),
      ballots,
      required: d.tally.required,
      rules,
    };
    await transact([
      ...entryUpdate(session, entry, {
        UpdateExpression: 'SET decision = :decision',
        ExpressionAttributeValues: { ':decision': decision },
      }),
      auditPut(platformAudit, ctx, {
        action: 'jury_decision.recorded',
        entity: { type: 'jury_session', id: sessionId },
        summary: `${outcome === 'certified' ? 'certifié' : 'ajourné'} (certifier : ${d.tally.certify}, ajourner : ${d.tally.adjourn}, sur ${d.tally.voters} votants)`,
      }),
    ]);
    return { ...entry, decision };
  });

/** Whether a stored decision is one the voters took, checked again from its own record (closing relies on it). */
const decisionStands = (entry: AgendaEntry, members: readonly JuryMember[]): boolean => {
  const decision = entry.decision;
  if (!decision?.present || !decision.voters || !decision.ballots) return false;
  const seat = (id: string): Seat => ({
    userId: id,
    college: decision.colleges?.[id] ?? members.find((m) => m.userId === id)?.college,
  });
  return decideJuryOutcome({
    outcome: decision.decision,
    reason: decision.reason,
    present: decision.present.map(seat),
    voters: decision.voters.map(seat),
    ballots: decision.ballots,
    rules: decision.rules ?? { ...DEFAULT_JURY_RULES, version: 0 },
  }).ok;
};

export {
  conflictedMembers,
  decide,
  decisionStands,
  declareConflict,
  readAgendaDossier,
  recordMovement,
  setAttendance,
  vote,
};
