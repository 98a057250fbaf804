/**
 * Dates of the path (SPEC §3.2–3.4): the 5-year rule counts the days the evaluation was carried
 * out (its sequences), not the day the evaluator submits it; a sequence cannot precede the
 * dossier's opening nor be in the future; attendance is recorded once a session has taken place.
 * "Today" is the dossier's region's day (overseas regions are hours away from Paris).
 */
import { addMonths } from '../deadline.ts';
import { allow, firstRefusal, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { PathRuleCode } from './codes.ts';

interface Dated {
  date: string;
}

/** First and last day of the sequences (undefined when there is none). */
const sequenceSpan = (sequences: readonly Dated[]): { first: string; last: string } | undefined => {
  const dates = sequences.map((s) => s.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first === undefined || last === undefined ? undefined : { first, last };
};

interface DeadlineFromSequencesOptions {
  /** The preliminary evaluation's sequences. */
  sequences: readonly Dated[];
  years: number;
}

/**
 * Last day on which the final evaluation may end: N years after the preliminary evaluation was
 * carried out (its first sequence), whenever it was submitted.
 */
const deadlineFromSequences = ({ sequences, years }: DeadlineFromSequencesOptions): string | undefined => {
  const span = sequenceSpan(sequences);
  return span && addMonths(span.first, years * 12);
};

interface SequenceDatesOptions {
  sequences: readonly Dated[];
  /** The day the dossier was opened. */
  openedOn: string;
  /** Today in the dossier's region. */
  today: string;
}

/** Each sequence is on or after the opening and not after today (400 on `sequences.<i>.date`). */
const sequenceDatesAllowed = ({ sequences, openedOn, today }: SequenceDatesOptions): Verdict<PathRuleCode> =>
  firstRefusal<PathRuleCode>(
    ...sequences.map((s, i): Verdict<PathRuleCode> => {
      if (s.date < openedOn) {
        return refuse(
          'sequence_before_opening',
          `une séquence ne peut pas précéder l'ouverture du dossier (le ${openedOn})`,
          `sequences.${i}.date`,
        );
      }
      if (s.date > today) {
        return refuse(
          'sequence_in_future',
          'une séquence se saisit une fois réalisée (date future)',
          `sequences.${i}.date`,
        );
      }
      return allow();
    }),
  );

interface FinalWithinDeadlineOptions {
  sequences: readonly Dated[];
  deadline?: string;
}

/** The final evaluation must have been carried out by the deadline (its last sequence counts). */
const finalWithinDeadline = ({ sequences, deadline }: FinalWithinDeadlineOptions): Verdict<PathRuleCode> => {
  const span = sequenceSpan(sequences);
  if (!deadline || !span || span.last <= deadline) return allow();
  return refuse(
    'deadline_passed',
    `l'évaluation finale doit se terminer au plus tard le ${deadline} (délai de 5 ans)`,
  );
};

interface AttendanceSession extends Dated {
  attended?: boolean | null;
  attendedHours?: number | null;
}

interface CanRecordAttendanceOptions {
  sessions: readonly AttendanceSession[];
  /** Today in the dossier's region. */
  today: string;
}

/** Attendance (present, absent or hours) is recorded only for a session that has taken place. */
const canRecordAttendance = ({ sessions, today }: CanRecordAttendanceOptions): Verdict<PathRuleCode> => {
  const index = sessions.findIndex(
    (s) => s.date > today && ((s.attended ?? null) !== null || (s.attendedHours ?? null) !== null),
  );
  if (index < 0) return allow();
  return refuse(
    'attendance_in_future',
    "la présence se saisit une fois la séance passée : cette séance n'a pas encore eu lieu",
    `sessions.${index}.attended`,
  );
};

export type { CanRecordAttendanceOptions, DeadlineFromSequencesOptions, SequenceDatesOptions };
export {
  canRecordAttendance,
  deadlineFromSequences,
  finalWithinDeadline,
  sequenceDatesAllowed,
  sequenceSpan,
};
