/**
 * Attendance (SPEC §4): recorded when the session opens, frozen once the first vote is cast; after
 * that a late arrival or a departure is recorded with its time and applies to the candidates
 * examined after it (a candidate is examined from the first vote cast on them).
 */
import { allow, firstRefusal, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import { attendanceFrozen } from './agenda.ts';
import type { JuryRuleCode } from './codes.ts';
import type { Juror } from './terms.ts';
import { termVerdict } from './terms.ts';

const MovementKind = { ARRIVAL: 'arrival', DEPARTURE: 'departure' } as const;
type MovementKind = (typeof MovementKind)[keyof typeof MovementKind];

/** A late arrival or a departure, at an instant (ISO date-time). */
interface Movement {
  memberId: string;
  kind: MovementKind;
  at: string;
}

/** What the attendance rules read of a session. */
interface SessionAttendance {
  date: string;
  memberIds: readonly string[];
  presentMemberIds: readonly string[];
  movements?: readonly Movement[];
  /** The instant of the first vote: the attendance list is frozen from then on. */
  votingStartedAt?: string | null;
}

/**
 * The members present at an instant: the attendance as recorded, then every movement up to that
 * instant, in order. Without an instant: present now (every movement applied).
 */
const presentAt = (session: SessionAttendance, instant?: string | null): string[] => {
  const present = new Set(session.presentMemberIds);
  const movements = [...(session.movements ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  for (const m of movements) {
    if (instant && m.at > instant) break;
    if (m.kind === MovementKind.ARRIVAL) present.add(m.memberId);
    else present.delete(m.memberId);
  }
  return [...present];
};

/** Recording (or correcting) the attendance list: convened members whose term covers the day, before any vote. */
const canSetAttendance = (options: {
  session: SessionAttendance;
  presentMemberIds: readonly string[];
  jurors: readonly Juror[];
}): Verdict<JuryRuleCode> => {
  const { session } = options;
  if (session.votingStartedAt) return attendanceFrozen;
  const byId = new Map(options.jurors.map((j) => [j.userId, j]));
  return firstRefusal(
    ...options.presentMemberIds.map((id, i) => {
      const juror = byId.get(id);
      if (!session.memberIds.includes(id) || !juror) {
        return refuse<JuryRuleCode>(
          'member_not_convened',
          'ce membre n’est pas convoqué à la session',
          `presentMemberIds.${i}`,
        );
      }
      return termVerdict(juror, session.date, `presentMemberIds.${i}`);
    }),
  );
};

/** A late arrival (a convened member not present) or a departure (a present member), once the attendance is recorded. */
const canRecordMovement = (options: {
  session: SessionAttendance & { openedAt?: string | null };
  memberId: string;
  kind: MovementKind;
  jurors: readonly Juror[];
}): Verdict<JuryRuleCode> => {
  const { session, memberId, kind } = options;
  if (!session.openedAt) {
    return refuse('attendance_not_recorded', 'relevez d’abord les présences à l’ouverture de la session');
  }
  const juror = options.jurors.find((j) => j.userId === memberId);
  if (!session.memberIds.includes(memberId) || !juror) {
    return refuse('member_not_convened', 'ce membre n’est pas convoqué à la session', 'memberId');
  }
  const present = presentAt(session).includes(memberId);
  if (kind === MovementKind.ARRIVAL && present) {
    return refuse('movement_invalid', `${juror.firstName} ${juror.lastName} est déjà présent(e)`, 'memberId');
  }
  if (kind === MovementKind.DEPARTURE && !present) {
    return refuse(
      'movement_invalid',
      `${juror.firstName} ${juror.lastName} n’est pas présent(e)`,
      'memberId',
    );
  }
  return kind === MovementKind.ARRIVAL ? termVerdict(juror, session.date, 'memberId') : allow();
};

export type { Movement, SessionAttendance };
export { MovementKind, canRecordMovement, canSetAttendance, presentAt };
