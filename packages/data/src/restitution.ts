/** What the candidate is told after an evaluation: the grid domain by domain, strengths first. */
import { allCriteria, computeMastery } from '@socle/domain';
import type { Candidate, Dossier, Evaluation, Mastery } from '@socle/domain';
import { getDossierDetail } from './dossiers.ts';
import { listEvaluations } from './evaluations.ts';
import { getReferentiel } from './referentiels.ts';
import type { StoredReferentiel } from './referentiels.ts';
import type { TenantReach } from './scope.ts';

interface CriterionView {
  text: string;
  status: string;
  note?: string | null;
}

interface Restitution {
  dossier: Dossier;
  candidate: Pick<Candidate, 'firstName' | 'lastName'>;
  referentiel: Pick<StoredReferentiel, 'id' | 'label' | 'title'>;
  mastery: Mastery;
  criteria: Record<string, CriterionView>;
  evaluations: Pick<Evaluation, 'id' | 'kind' | 'submittedAt' | 'sequences' | 'evaluatorName'>[];
}

/** Latest status of each criterion over the submitted evaluations; acquired ones stay acquired. */
const criterionViews = (referentiel: StoredReferentiel, dossier: Dossier, submitted: Evaluation[]) => {
  const views: Record<string, CriterionView> = {};
  for (const criterion of allCriteria(referentiel)) {
    const latest = [...submitted].reverse().find((e) => e.results[criterion.code]);
    const result = latest?.results[criterion.code];
    views[criterion.code] = {
      text: criterion.text,
      status: dossier.acquiredCriteria.includes(criterion.code)
        ? 'acquired'
        : (result?.status ?? 'not_evaluated'),
      note: result?.note ?? null,
    };
  }
  return views;
};

const getRestitution = async (
  reach: TenantReach,
  dossierId: string,
): Promise<Restitution & { statuses: Record<string, string> }> => {
  const { scope } = reach;
  const { dossier, candidate } = await getDossierDetail(reach, dossierId);
  const [referentiel, evaluations] = await Promise.all([
    getReferentiel(dossier.referentielId),
    listEvaluations(scope, dossierId),
  ]);
  const submitted = evaluations.filter((e) => e.status === 'submitted');
  const mastery = computeMastery({
    referentiel,
    thresholds: referentiel.thresholds,
    statuses: Object.fromEntries(dossier.acquiredCriteria.map((code) => [code, 'acquired' as const])),
  });
  const criteria = criterionViews(referentiel, dossier, submitted);
  return {
    dossier,
    candidate: { firstName: candidate.firstName, lastName: candidate.lastName },
    referentiel: { id: referentiel.id, label: referentiel.label, title: referentiel.title },
    mastery,
    criteria,
    statuses: Object.fromEntries(Object.entries(criteria).map(([code, v]) => [code, v.status])),
    evaluations: submitted.map(({ id, kind, submittedAt, sequences, evaluatorName }) => ({
      id,
      kind,
      submittedAt,
      sequences,
      evaluatorName,
    })),
  };
};

export type { Restitution };
export { getRestitution };
