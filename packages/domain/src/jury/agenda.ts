/**
 * The rules of a session's agenda and its closing (SPEC §4) that are not votes: what may be put on
 * it, changed on it, certified from it, and when a closing may issue certificates. Some can only be
 * known when written (an entry already there, a decision already applied): the data layer keeps
 * those conditions in its transaction and names the refusal with the constants below.
 */
import { regionToday } from '../path/regionTime.ts';
import type { PathRuleCode } from '../path/codes.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Refused, Verdict } from '../rules/verdict.ts';
import type { JuryRuleCode } from './codes.ts';
import type { SessionTiming } from './scheduling.ts';

/** The attendance list is frozen from the first vote: arrivals and departures change it after. */
const attendanceFrozen: Refused<JuryRuleCode> = refuse(
  'attendance_frozen',
  'le premier vote est exprimé : la liste des présents est figée ; enregistrez une arrivée ou un départ',
);
/** A decision taken stays: its entry is neither removed, changed nor decided again. */
const alreadyDecided: Refused<JuryRuleCode> = refuse('decided', 'la décision est déjà prise pour ce dossier');
/** Written at write time: the entry exists on this session's agenda. */
const alreadyOnAgenda: Refused<JuryRuleCode> = refuse(
  'already_on_agenda',
  'ce dossier est déjà inscrit à l’ordre du jour de cette session',
);
/** Written at write time: the pipeline entry names another session already. */
const alreadyScheduled: Refused<JuryRuleCode> = refuse(
  'already_scheduled',
  'ce dossier est déjà inscrit à l’ordre du jour d’une session',
);
/** Written at write time: a closing (or a retry of it) applied this decision already. */
const alreadyApplied: Refused<JuryRuleCode> = refuse(
  'already_applied',
  'la décision est déjà appliquée au dossier',
);
/** Written at write time: the dossier's certificate exists (a closing retried after issuing it). */
const alreadyIssued: Refused<PathRuleCode> = refuse('already_certified', 'ce dossier a déjà un certificat');

/** What the submission rules read of a dossier. */
interface JuryCandidacy {
  status: string;
  submittedToJuryAt?: string | null;
}

/** An eligible (or adjourned) dossier not already waiting is presented to its region's jury. */
const canPresentToJury = (dossier: JuryCandidacy): Verdict<JuryRuleCode> => {
  if (dossier.status !== 'eligible' && dossier.status !== 'adjourned') {
    return refuse('not_eligible', 'seul un dossier éligible (ou ajourné) peut être présenté au jury');
  }
  if (dossier.submittedToJuryAt) {
    return refuse('already_submitted', 'ce dossier attend déjà le jury de sa région');
  }
  return allow();
};

/** …and only with every domain mastered, as the jury will read it. */
const masteredForJury = (view: { allDomainsMastered: boolean }): Verdict<JuryRuleCode> =>
  view.allDomainsMastered
    ? allow()
    : refuse('not_eligible', 'tous les domaines doivent être maîtrisés pour une présentation au jury');

/** An agenda entry is changed (removed, decided) until its decision is taken. */
const canChangeEntry = (entry: { decision?: unknown }): Verdict<JuryRuleCode> =>
  entry.decision ? alreadyDecided : allow();

/** The jury certifies only a dossier whose every domain is mastered (adjournment is always open). */
const canCertify = (mastery: { complete: boolean } | undefined): Verdict<JuryRuleCode> =>
  mastery?.complete
    ? allow()
    : refuse(
        'not_eligible',
        'tous les domaines ne sont pas maîtrisés : ce dossier ne peut pas être certifié',
      );

/** A session closes with something on its agenda. */
const canCloseAgenda = (agendaSize: number): Verdict<JuryRuleCode> =>
  agendaSize === 0 ? refuse('empty_agenda', "l'ordre du jour est vide") : allow();

/**
 * A frozen session issues its certificates, never dated in the future: a closing resumed after a
 * cancellation or before the day (in the region's calendar) stops.
 */
const canIssueCertificates = (session: SessionTiming, now: Date): Verdict<JuryRuleCode> => {
  if (session.status !== 'closing') return refuse('session_cancelled', 'la session est annulée');
  return session.date > regionToday(session.region, now)
    ? refuse('before_session_date', 'un certificat ne peut pas être daté dans le futur')
    : allow();
};

export type { JuryCandidacy };
export {
  alreadyApplied,
  alreadyDecided,
  alreadyIssued,
  alreadyOnAgenda,
  alreadyScheduled,
  attendanceFrozen,
  canChangeEntry,
  canCertify,
  canCloseAgenda,
  canIssueCertificates,
  canPresentToJury,
  masteredForJury,
};
