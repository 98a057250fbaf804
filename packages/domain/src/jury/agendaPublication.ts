/**
 * Sending a session's agenda to its members ("Envoyer l'ordre du jour aux membres", SPEC §5b): an
 * explicit act of the secretary once the agenda is ready, not a date the agenda freezes on: dossiers
 * are still added up to the session, and members are told when the secretary says it is ready.
 * Each member is told once per agenda: the same dossiers sent twice tell nobody again; an agenda
 * changed since (a dossier added or taken off) may be sent again.
 */
import { allow, refuse } from '../rules/verdict.ts';
import type { Refused, Verdict } from '../rules/verdict.ts';
import { canCloseAgenda } from './agenda.ts';
import type { JuryRuleCode } from './codes.ts';
import { canChangeSession } from './scheduling.ts';
import type { SessionTiming } from './scheduling.ts';

/** Written at write time too: this very agenda was sent meanwhile. */
const agendaAlreadyPublished: Refused<JuryRuleCode> = refuse(
  'agenda_already_published',
  'cet ordre du jour a déjà été envoyé aux membres ; ajoutez ou retirez un dossier pour en envoyer un nouveau',
);

/**
 * Which agenda is sent: its dossiers, in no particular order (the same set is the same agenda).
 * The data layer keys the publication and the members' messages by it.
 */
const agendaRevisionOf = (dossierIds: readonly string[]): string => [...new Set(dossierIds)].sort().join(',');

interface AgendaToPublish {
  /** Dossiers on the agenda now. */
  size: number;
  /** This agenda (same dossiers) was already sent. */
  alreadyPublished: boolean;
}

/** An agenda is sent before the session opens, with something on it, once per agenda. */
const canPublishAgenda = (session: SessionTiming, agenda: AgendaToPublish): Verdict<JuryRuleCode> => {
  const changeable = canChangeSession(session);
  if (!changeable.ok) return changeable;
  const filled = canCloseAgenda(agenda.size);
  if (!filled.ok) return filled;
  return agenda.alreadyPublished ? agendaAlreadyPublished : allow();
};

export type { AgendaToPublish };
export { agendaAlreadyPublished, agendaRevisionOf, canPublishAgenda };
