/**
 * Opening and editing a dossier (SPEC §3.1): a dossier pins the certification's published
 * référentiel, so none opens before one is published; only an employee follows the path on their
 * working time.
 */
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { PathRuleCode } from './codes.ts';

const canOpenWith = (publishedReferentielId: string | undefined | null): Verdict<PathRuleCode> =>
  publishedReferentielId
    ? allow()
    : refuse(
        'no_published_referentiel',
        "aucun référentiel publié pour cette certification : l'ouverture de dossiers n'est pas encore possible",
      );

const workingTimeAllowed = (dossier: {
  onWorkingTime?: boolean | null;
  candidateStatus: string;
}): Verdict<PathRuleCode> =>
  dossier.onWorkingTime && dossier.candidateStatus !== 'employee'
    ? refuse('working_time', 'seul un salarié peut suivre le parcours sur son temps de travail')
    : allow();

export { canOpenWith, workingTimeAllowed };
