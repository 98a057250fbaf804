/**
 * When a session may be planned, changed and may deliberate (SPEC §4): planned for today or later,
 * changed or cancelled until it opens, deliberating on or after its date, each judged in the
 * region's own time zone (La Réunion's day starts three hours before Paris's).
 */
import { regionToday } from '../path/regionTime.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { JuryRuleCode } from './codes.ts';

type SessionStatus = 'planned' | 'closing' | 'closed' | 'cancelled';

/** What the scheduling rules read of a session. */
interface SessionTiming {
  region: string;
  /** ISO day, in the region's calendar. */
  date: string;
  status: SessionStatus;
  /** Set when the attendance was first recorded: the session is open. */
  openedAt?: string | null;
}

/** `2026-12-08` → `8 décembre 2026` (no ISO date shown to anyone). */
const frenchDay = (isoDay: string): string =>
  new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDay}T00:00:00Z`));

/** A session (new, or moved to `date`) is planned for today or later in its region. */
const canPlanSession = (options: { region: string; date: string; now: Date }): Verdict<JuryRuleCode> =>
  options.date < regionToday(options.region, options.now)
    ? refuse(
        'session_date_past',
        `le ${frenchDay(options.date)} est passé : une session se planifie pour aujourd’hui ou une date à venir`,
        'date',
      )
    : allow();

/** Refusals of a session that is no longer planned (cancelled, closing or closed). */
const notPlanned = (session: Pick<SessionTiming, 'status'>): Verdict<JuryRuleCode> => {
  if (session.status === 'cancelled') return refuse('session_cancelled', 'la session est annulée');
  if (session.status !== 'planned') {
    return refuse('session_closed', 'la session est close : ses décisions sont figées');
  }
  return allow();
};

/** Rescheduling, changing the convened members or cancelling: only until the session opens. */
const canChangeSession = (session: SessionTiming): Verdict<JuryRuleCode> => {
  const planned = notPlanned(session);
  if (!planned.ok) return planned;
  return session.openedAt
    ? refuse(
        'session_opened',
        'la session est ouverte (présences relevées) : elle ne peut plus être reportée, modifiée ni annulée',
      )
    : allow();
};

/**
 * Attendance, votes, decisions and closing: on or after the session's date in its region, never
 * before, and only while the session is planned (not cancelled, not closed).
 */
const canDeliberate = (session: SessionTiming, now: Date): Verdict<JuryRuleCode> => {
  const planned = notPlanned(session);
  if (!planned.ok) return planned;
  return regionToday(session.region, now) < session.date
    ? refuse(
        'before_session_date',
        `la session du ${frenchDay(session.date)} n’est pas encore ouverte : le jury délibère le jour de la session, à l’heure de sa région`,
      )
    : allow();
};

/** Agenda edits and conflict declarations: while the session is planned (before or during it). */
const canEditAgenda = (session: SessionTiming): Verdict<JuryRuleCode> => notPlanned(session);

export type { SessionStatus, SessionTiming };
const sessionStillPlanned = notPlanned;

export { canChangeSession, canDeliberate, canEditAgenda, canPlanSession, frenchDay, sessionStillPlanned };
