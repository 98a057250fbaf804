/**
 * The mastery rule (SPEC §2), one pure function used by the server, the grid UI (live) and the PDF
 * documents: a sub-domain is mastered when at least `minAcquired` of its criteria are acquired and all
 * its mandatory criteria are; a domain when all its sub-domains are; the certification when all domains are.
 */
import type { ReferentielDocument } from './document.ts';
import { defaultThresholds } from './settings.ts';
import type { Thresholds } from './settings.ts';

const CriterionStatus = {
  ACQUIRED: 'acquired',
  NOT_ACQUIRED: 'not_acquired',
  NOT_EVALUATED: 'not_evaluated',
} as const;
type CriterionStatus = (typeof CriterionStatus)[keyof typeof CriterionStatus];
const criterionStatuses = Object.values(CriterionStatus) as [CriterionStatus, ...CriterionStatus[]];

interface SubdomainMastery {
  code: string;
  title: string;
  acquired: number;
  total: number;
  minAcquired: number;
  /** Mandatory criteria not (yet) acquired. */
  missingMandatory: string[];
  mastered: boolean;
}

interface DomainMastery {
  code: string;
  title: string;
  mastered: boolean;
  masteredSubdomains: number;
  subdomains: SubdomainMastery[];
}

interface Mastery {
  domains: DomainMastery[];
  /** All domains mastered: eligible for a jury. */
  complete: boolean;
  acquiredCriteria: string[];
  /** Criteria not acquired (not_acquired or not_evaluated): the gaps a training plan targets. */
  gaps: string[];
}

interface ComputeMasteryOptions {
  referentiel: Pick<ReferentielDocument, 'domains'>;
  thresholds?: Thresholds;
  /** Status of each criterion by code; a criterion absent from the map is not evaluated. */
  statuses: Readonly<Record<string, CriterionStatus | undefined>>;
}

/**
 * @example computeMastery({ referentiel, statuses: { '1.1.1': 'acquired' } }).domains[0].mastered
 */
const computeMastery = ({ referentiel, thresholds, statuses }: ComputeMasteryOptions): Mastery => {
  const rules = thresholds ?? defaultThresholds(referentiel);
  const acquiredCriteria: string[] = [];
  const gaps: string[] = [];
  const domains = referentiel.domains.map((domain) => {
    const subdomains = domain.subdomains.map((sub) => {
      const rule = rules[sub.code] ?? { minAcquired: Math.ceil(0.75 * sub.criteria.length), mandatory: [] };
      let acquired = 0;
      for (const criterion of sub.criteria) {
        if (statuses[criterion.code] === CriterionStatus.ACQUIRED) {
          acquired++;
          acquiredCriteria.push(criterion.code);
        } else {
          gaps.push(criterion.code);
        }
      }
      const missingMandatory = rule.mandatory.filter((code) => statuses[code] !== CriterionStatus.ACQUIRED);
      return {
        code: sub.code,
        title: sub.title,
        acquired,
        total: sub.criteria.length,
        minAcquired: rule.minAcquired,
        missingMandatory,
        mastered: acquired >= rule.minAcquired && missingMandatory.length === 0,
      };
    });
    const masteredSubdomains = subdomains.filter((s) => s.mastered).length;
    return {
      code: domain.code,
      title: domain.title,
      mastered: masteredSubdomains === subdomains.length,
      masteredSubdomains,
      subdomains,
    };
  });
  return { domains, complete: domains.every((d) => d.mastered), acquiredCriteria, gaps };
};

/** Union of acquired criteria: a final evaluation adds to what was acquired before. */
const mergeAcquired = (
  before: readonly string[],
  now: Readonly<Record<string, CriterionStatus | undefined>>,
): Record<string, CriterionStatus> => {
  const merged: Record<string, CriterionStatus> = {};
  for (const [code, status] of Object.entries(now)) if (status) merged[code] = status;
  for (const code of before) merged[code] = CriterionStatus.ACQUIRED;
  return merged;
};

export type { ComputeMasteryOptions, DomainMastery, Mastery, SubdomainMastery };
export { CriterionStatus, computeMastery, criterionStatuses, mergeAcquired };
