/**
 * Opening a dossier for a person the network already knows (SPEC §3.1): same normalised last
 * name, first name and birth date. The advisor is shown the existing dossier and asked; a second
 * dossier is opened only on explicit confirmation, never silently.
 */
import type { DossierStatus } from '../dossierStateMachine.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import { foldForSearch } from '../text.ts';
import type { PathRuleCode } from './codes.ts';

interface IdentityOptions {
  lastName: string;
  firstName: string;
  birthDate: string;
}

/**
 * The identity two openings are compared on: folded names (case, accents, dashes, apostrophes)
 * and the birth date.
 * @example normalisedIdentity({ lastName: 'Lefèvre-Duval', firstName: 'Zoé', birthDate: '1990-01-02' })
 * // 'lefevre duval|zoe|1990-01-02'
 */
const normalisedIdentity = ({ lastName, firstName, birthDate }: IdentityOptions): string =>
  `${foldForSearch(lastName)}|${foldForSearch(firstName)}|${birthDate}`;

interface ExistingDossier {
  dossierId: string;
  status: DossierStatus;
}

interface DuplicateOpeningOptions {
  /** The network's dossiers of the same normalised identity. */
  existing: readonly ExistingDossier[];
  /** The advisor saw the existing dossiers and confirmed opening another. */
  confirmed: boolean;
}

/** Refuses (409) an opening that would duplicate a known person unless the advisor confirmed it. */
const duplicateOpening = ({ existing, confirmed }: DuplicateOpeningOptions): Verdict<PathRuleCode> => {
  if (existing.length === 0 || confirmed) return allow();
  if (existing.some((d) => d.status === 'certified')) {
    return refuse(
      'already_certified',
      'cette personne détient déjà le certificat dans le réseau : consultez son dossier, puis confirmez si un nouveau dossier est justifié',
    );
  }
  return refuse(
    'duplicate_candidate',
    'cette personne a déjà un dossier dans le réseau : consultez-le, puis confirmez si un second dossier est justifié',
  );
};

export type { DuplicateOpeningOptions, ExistingDossier, IdentityOptions };
export { duplicateOpening, normalisedIdentity };
