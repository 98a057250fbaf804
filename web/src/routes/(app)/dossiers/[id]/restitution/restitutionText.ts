/**
 * The restitution speaks to the candidate: plain sentences, no thresholds or codes of the grid
 * ("1/7 acquis – non maîtrisé, 6 requis" is for evaluators).
 */
import { countOf } from '@socle/domain';
import type { SubdomainMastery } from '@socle/domain';
import { formatLongDate } from '$lib/format';

/**
 * The days the evaluation took place (its sequences), as the dossier counts them: "du 3 mars 2026",
 * "du 3 mars 2026 au 10 mars 2026". Empty without sequences.
 */
const evaluationDays = (sequences: readonly { date: string }[]): string => {
  const days = sequences.map((s) => s.date).sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return '';
  return first === last
    ? `du ${formatLongDate(first)}`
    : `du ${formatLongDate(first)} au ${formatLongDate(last)}`;
};

/**
 * Where the candidate stands on a theme (sub-domain) still to work: "vous avez montré 1 compétence sur
 * 7 ; il en faut 6 pour valider ce thème, dont une indispensable qui reste à montrer".
 */
const themeProgress = (m: SubdomainMastery): string => {
  if (m.mastered) return 'thème validé';
  const shown = `vous avez montré ${countOf(m.acquired, 'compétence')} sur ${m.total}`;
  const needed =
    m.acquired < m.minAcquired
      ? `il en faut ${m.minAcquired} pour valider ce thème`
      : 'c’est assez en nombre pour valider ce thème';
  const missing = m.missingMandatory.length;
  const mandatory =
    missing === 0
      ? ''
      : missing === 1
        ? ', mais une compétence indispensable reste à montrer'
        : `, mais ${missing} compétences indispensables restent à montrer`;
  return `${shown} ; ${needed}${mandatory}`;
};

/** A competence still to work, in the candidate's words (the gaps list holds no acquired one). */
const competenceState = (status: string | undefined): string =>
  status === 'not_acquired' ? 'pas encore acquise' : 'pas encore évaluée';

export { competenceState, evaluationDays, themeProgress };
