/**
 * @internal Test fixture: a portfolio on the real CléA référentiel (107 criteria), for the unit tests
 * and for rendering a sample by hand. Not exported from the package.
 */
import { readFileSync } from 'node:fs';
import { ReferentielDocument, allCriteria, computeMastery } from '@socle/domain';
import type { CriterionStatus } from '@socle/domain';
import type { PortfolioInput } from '../types/portfolio.ts';

// The domain package exports only its source entry, so the data file is read by path.
const cleaUrl = new URL('../../../domain/data/referentiel-clea.json', import.meta.url);
const clea = ReferentielDocument.parse(JSON.parse(readFileSync(cleaUrl, 'utf8')));

type StatusOf = (code: string) => CriterionStatus;

/** Domains 1, 4 and 6 fully acquired, 2 and 3 half, 5 not evaluated, 7 all but the last criteria. */
const mixedStatus: StatusOf = (code) => {
  const [domain, , criterion] = code.split('.').map(Number);
  if (domain === 1 || domain === 4 || domain === 6) return 'acquired';
  if (domain === 2 || domain === 3) return (criterion ?? 0) % 2 === 1 ? 'acquired' : 'not_acquired';
  if (domain === 5) return 'not_evaluated';
  return (criterion ?? 0) < 3 ? 'acquired' : 'not_acquired';
};

const allAcquired: StatusOf = () => 'acquired';

const portfolioInput = (statusOf: StatusOf = mixedStatus): PortfolioInput => {
  const criteria = Object.fromEntries(
    allCriteria(clea).map((c) => [c.code, { text: c.text, status: statusOf(c.code) }] as const),
  );
  const statuses = Object.fromEntries(Object.entries(criteria).map(([code, c]) => [code, c.status]));
  return {
    certification: 'clea',
    referentiel: { version: clea.version, title: clea.title },
    candidate: { firstName: 'Łukasz', lastName: 'Öztürk-N’Diaye', birthDate: '1992-06-15' },
    network: { name: 'Réseau des GRETA d’Auvergne-Rhône-Alpes' },
    organism: { name: 'GRETA Lyon Métropole', city: 'Lyon' },
    evaluatedOn: '2025-03-01',
    issuedOn: '2025-03-04',
    mastery: computeMastery({ referentiel: clea, statuses }),
    criteria,
  };
};

export { allAcquired, clea, mixedStatus, portfolioInput };
