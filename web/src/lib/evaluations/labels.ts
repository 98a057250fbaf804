/** Words of the grid, the restitution and the training plan (text always says it; colour only helps). */
import type {
  CriterionStatus,
  DomainMastery,
  EvaluationKind,
  SequenceMode,
  SubdomainMastery,
} from '@socle/domain';
import { formatList } from '$lib/format';
import type { Tone } from '$lib/status';

const criterionStatusLabels: Record<CriterionStatus, string> = {
  acquired: 'Acquis',
  not_acquired: 'Non acquis',
  not_evaluated: 'Non évalué',
};

const criterionTones: Record<CriterionStatus, Tone> = {
  acquired: 'success',
  not_acquired: 'warning',
  not_evaluated: 'neutral',
};

const evaluationKindLabels: Record<EvaluationKind, string> = {
  preliminary: 'Évaluation préalable',
  final: 'Évaluation finale',
};

const sequenceModeLabels: Record<SequenceMode, string> = {
  on_site: 'Sur site',
  remote: 'À distance',
};

const isCriterionStatus = (value: string | undefined): value is CriterionStatus =>
  value === 'acquired' || value === 'not_acquired' || value === 'not_evaluated';

/** `3/4 acquis – maîtrisé`, `2/4 acquis – non maîtrisé (3 requis)`, `… critère obligatoire 2.1.3 manquant`. */
const subdomainMasteryText = (m: SubdomainMastery): string => {
  const count = `${m.acquired}/${m.total} acquis`;
  if (m.mastered) return `${count} – maîtrisé`;
  const reasons: string[] = [];
  if (m.acquired < m.minAcquired) reasons.push(`${m.minAcquired} requis`);
  if (m.missingMandatory.length === 1) reasons.push(`critère obligatoire ${m.missingMandatory[0]} manquant`);
  if (m.missingMandatory.length > 1)
    reasons.push(`critères obligatoires ${formatList(m.missingMandatory)} manquants`);
  return `${count} – non maîtrisé, ${reasons.join(', ')}`;
};

/** `Domaine maîtrisé (4/4 sous-domaines)` or `Domaine non maîtrisé (2/4 sous-domaines maîtrisés)`. */
const domainMasteryText = (m: DomainMastery): string =>
  m.mastered
    ? `Domaine maîtrisé (${m.masteredSubdomains}/${m.subdomains.length} sous-domaines)`
    : `Domaine non maîtrisé (${m.masteredSubdomains}/${m.subdomains.length} sous-domaines maîtrisés)`;

/** The code of the sub-domain a criterion belongs to: `1.2.3` → `1.2`. */
const parentCode = (code: string): string => code.slice(0, code.lastIndexOf('.'));

export {
  criterionStatusLabels,
  criterionTones,
  domainMasteryText,
  evaluationKindLabels,
  isCriterionStatus,
  parentCode,
  sequenceModeLabels,
  subdomainMasteryText,
};
