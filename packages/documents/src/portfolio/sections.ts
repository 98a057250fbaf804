/**
 * The blocks of the portefeuille de compétences, top to bottom. Strengths first (SPEC §3.2): mastered
 * domains lead the summary and the detail, and only acquired criteria are listed.
 */
import type { DomainMastery, SubdomainMastery } from '@socle/domain';
import { certificationLabels, referentielName } from '@socle/domain';
import { NBSP, formatDateFr, frenchTypography, fullName, plural } from '../format.ts';
import type { PageCursor } from '../layout/pageCursor.ts';
import { theme } from '../layout/theme.ts';
import type { PortfolioInput } from '../types/portfolio.ts';

const MASTERED_TAG = '✓ maîtrisé';

const portfolioTitle = (input: PortfolioInput): string =>
  `Portefeuille de compétences – ${certificationLabels[input.certification]}`;

/** "Référentiel CléA 2018": the version as people name it, never its file label (`2018-reconstructed`). */
const referentielOf = (input: PortfolioInput): string =>
  referentielName({ certification: input.certification, label: input.referentiel.version });

const organismLabel = ({ name, city }: PortfolioInput['organism']): string =>
  city ? `${name}, ${city}` : name;

/** Mastered domains first; the référentiel order is kept inside each group. */
const strengthsFirst = (domains: readonly DomainMastery[]): DomainMastery[] => [
  ...domains.filter((d) => d.mastered),
  ...domains.filter((d) => !d.mastered),
];

const domainLabel = (domain: DomainMastery): string =>
  `Domaine ${domain.code} – ${frenchTypography(domain.title)}`;

/** Criteria acquired and counted over the domain's sub-domains. */
const criteriaCount = (domain: DomainMastery): { acquired: number; total: number } => ({
  acquired: domain.subdomains.reduce((sum, s) => sum + s.acquired, 0),
  total: domain.subdomains.reduce((sum, s) => sum + s.total, 0),
});

const titleBlock = (cursor: PageCursor, input: PortfolioInput): void => {
  cursor.paragraph(portfolioTitle(input), {
    weight: 'bold',
    size: theme.sizes.title,
    color: theme.colors.accent,
  });
  cursor.space(2);
  cursor.paragraph(`${frenchTypography(input.referentiel.title)} · ${referentielOf(input)}`, {
    size: theme.sizes.small + 1,
    color: theme.colors.muted,
  });
  cursor.space(6);
  cursor.rule();
  cursor.space(8);
};

const identityBlock = (cursor: PageCursor, input: PortfolioInput): void => {
  const fields: [string, string][] = [
    ['Titulaire', frenchTypography(fullName(input.candidate))],
    ['Date de naissance', formatDateFr(input.candidate.birthDate)],
    ['Organisme évaluateur', frenchTypography(organismLabel(input.organism))],
    ['Réseau', frenchTypography(input.network.name)],
    ['Date de l’évaluation', formatDateFr(input.evaluatedOn)],
    ['Délivré le', formatDateFr(input.issuedOn)],
  ];
  for (const [label, value] of fields) {
    cursor.item({
      label,
      text: value,
      labelWidth: 130,
      labelStyle: { weight: 'regular', color: theme.colors.muted },
      textStyle: { weight: label === 'Titulaire' ? 'bold' : 'regular' },
    });
  }
  cursor.space(14);
};

const summaryBlock = (cursor: PageCursor, input: PortfolioInput): void => {
  const { domains, acquiredCriteria, gaps } = input.mastery;
  const mastered = domains.filter((d) => d.mastered);
  const inProgress = domains.filter((d) => !d.mastered);
  const totalCriteria = acquiredCriteria.length + gaps.length;
  cursor.heading(`Domaines maîtrisés${NBSP}: ${mastered.length} sur ${domains.length}`, {
    size: theme.sizes.heading,
    keepWithNext: cursor.lineHeight() * 2,
  });
  cursor.paragraph(
    `${plural(acquiredCriteria.length, 'critère acquis', 'critères acquis')} sur ${totalCriteria} que compte le référentiel.`,
    { color: theme.colors.muted },
  );
  cursor.space(4);
  for (const domain of mastered) {
    cursor.item({
      label: '✓',
      text: domainLabel(domain),
      labelWidth: 16,
      labelStyle: { color: theme.colors.success, weight: 'bold' },
    });
  }
  if (inProgress.length > 0) {
    cursor.space(6);
    cursor.heading(`En cours d’acquisition${NBSP}:`, {
      size: theme.sizes.body,
      color: theme.colors.text,
      keepWithNext: cursor.lineHeight(),
    });
    for (const domain of inProgress) {
      const { acquired, total } = criteriaCount(domain);
      cursor.item({
        label: '•',
        text: `${domainLabel(domain)} (${plural(acquired, 'critère acquis', 'critères acquis')} sur ${total})`,
        labelWidth: 16,
        labelStyle: { color: theme.colors.muted },
      });
    }
  }
  cursor.space(16);
};

/** Acquired criteria of one sub-domain, in référentiel order (codes nest: `1.2.3` belongs to `1.2`). */
const acquiredIn = (sub: SubdomainMastery, input: PortfolioInput): { code: string; text: string }[] =>
  input.mastery.acquiredCriteria
    .filter((code) => code.startsWith(`${sub.code}.`))
    .map((code) => ({ code, text: frenchTypography(input.criteria[code]?.text ?? '') }));

const subdomainBlock = (cursor: PageCursor, sub: SubdomainMastery, input: PortfolioInput): void => {
  const acquired = acquiredIn(sub, input);
  if (acquired.length === 0) return;
  cursor.space(6);
  cursor.heading(`${sub.code} ${frenchTypography(sub.title)}`, {
    size: theme.sizes.subheading,
    color: theme.colors.text,
    tag: sub.mastered ? { text: MASTERED_TAG, color: theme.colors.success } : undefined,
    keepWithNext: cursor.lineHeight() * 2,
  });
  for (const criterion of acquired) {
    cursor.item({
      label: criterion.code,
      text: criterion.text,
      labelWidth: 44,
      labelStyle: { color: theme.colors.muted },
      textStyle: { indent: 10 },
    });
  }
};

const domainBlock = (cursor: PageCursor, domain: DomainMastery, input: PortfolioInput): void => {
  const { acquired, total } = criteriaCount(domain);
  cursor.space(10);
  cursor.heading(domainLabel(domain), {
    size: theme.sizes.heading - 1,
    tag: domain.mastered ? { text: MASTERED_TAG, color: theme.colors.success } : undefined,
    keepWithNext: cursor.lineHeight() * 4,
  });
  cursor.paragraph(
    `${plural(acquired, 'critère acquis', 'critères acquis')} sur ${total} · ${plural(domain.masteredSubdomains, 'sous-domaine maîtrisé', 'sous-domaines maîtrisés')} sur ${domain.subdomains.length}`,
    { size: theme.sizes.small + 1, color: theme.colors.muted },
  );
  cursor.rule();
  if (acquired === 0) {
    cursor.paragraph('Les critères de ce domaine restent à acquérir.', { color: theme.colors.muted });
    return;
  }
  for (const sub of domain.subdomains) subdomainBlock(cursor, sub, input);
};

const detailBlock = (cursor: PageCursor, input: PortfolioInput): void => {
  cursor.heading('Compétences acquises, domaine par domaine', {
    size: theme.sizes.heading,
    keepWithNext: cursor.lineHeight() * 6,
  });
  for (const domain of strengthsFirst(input.mastery.domains)) domainBlock(cursor, domain, input);
};

const closingBlock = (cursor: PageCursor, input: PortfolioInput): void => {
  const certification = certificationLabels[input.certification];
  const text =
    `Ce portefeuille atteste des compétences acquises lors de l’évaluation du ${formatDateFr(input.evaluatedOn)} ` +
    `réalisée par ${frenchTypography(input.organism.name)}, au regard du ${referentielOf(input).replace(/^R/, 'r')}. ` +
    `Il ne vaut pas certification${NBSP}: le certificat ${certification} ` +
    `est délivré par un jury paritaire lorsque les ${input.mastery.domains.length}${NBSP}domaines sont maîtrisés.`;
  const lines = cursor.lines(text);
  cursor.space(18);
  // Keeps the statement in one piece under its rule.
  cursor.ensure((lines.length + 1) * cursor.lineHeight() + 10);
  cursor.rule();
  cursor.space(4);
  cursor.paragraph(text, { color: theme.colors.muted });
};

export { closingBlock, detailBlock, identityBlock, portfolioTitle, strengthsFirst, summaryBlock, titleBlock };
