/** `7 domaines, 28 sous-domaines, 107 critères` (singular where there is one). */
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const describeCounts = (c: { domains: number; subdomains: number; criteria: number }): string =>
  [
    plural(c.domains, 'domaine', 'domaines'),
    plural(c.subdomains, 'sous-domaine', 'sous-domaines'),
    plural(c.criteria, 'critère', 'critères'),
  ].join(', ');

const referentielBadge = (status: 'draft' | 'published') =>
  status === 'published'
    ? { label: 'Publié', tone: 'success' as const }
    : { label: 'Brouillon', tone: 'neutral' as const };

export { describeCounts, referentielBadge };
