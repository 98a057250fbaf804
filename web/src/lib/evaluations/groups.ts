/** Criteria grouped by domain and sub-domain, in the référentiel's order, keeping only some of them. */
import type { ReferentielOut } from '@socle/domain';

interface CriterionLine {
  code: string;
  text: string;
}

interface SubdomainGroup {
  code: string;
  title: string;
  criteria: CriterionLine[];
}

interface DomainGroup {
  code: string;
  title: string;
  subdomains: SubdomainGroup[];
}

/** Domains and sub-domains with at least one kept criterion; empty groups are left out. */
const groupCriteria = (
  referentiel: Pick<ReferentielOut, 'domains'>,
  keep: (code: string) => boolean,
): DomainGroup[] =>
  referentiel.domains
    .map((d) => ({
      code: d.code,
      title: d.title,
      subdomains: d.subdomains
        .map((s) => ({ code: s.code, title: s.title, criteria: s.criteria.filter((c) => keep(c.code)) }))
        .filter((s) => s.criteria.length > 0),
    }))
    .filter((d) => d.subdomains.length > 0);

export type { CriterionLine, DomainGroup, SubdomainGroup };
export { groupCriteria };
