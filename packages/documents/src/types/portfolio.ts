import type { Certification, CriterionStatus, Mastery } from '@socle/domain';

/** Everything the portefeuille de compétences prints; plain data, as read from the dossier. */
interface PortfolioInput {
  certification: Certification;
  /** The référentiel version the dossier is pinned to. */
  referentiel: { version: string; title: string };
  candidate: { firstName: string; lastName: string /** `YYYY-MM-DD` */; birthDate: string };
  network: { name: string };
  /** The evaluating organism. */
  organism: { name: string; city?: string | null };
  /** `YYYY-MM-DD`: the latest evaluation the mastery comes from. */
  evaluatedOn: string;
  /** `YYYY-MM-DD`: also the PDF's creation date. */
  issuedOn: string;
  /** From `computeMastery`; its `acquiredCriteria` order (the référentiel's) is the printed order. */
  mastery: Mastery;
  /** Criterion texts (and statuses) by code. */
  criteria: Record<string, { text: string; status: CriterionStatus }>;
}

export type { PortfolioInput };
