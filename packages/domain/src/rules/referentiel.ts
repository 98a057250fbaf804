/** Référentiel versions (SPEC §2): a draft is edited, a published version is frozen. */
import { allow, refuse } from './verdict.ts';
import type { Verdict } from './verdict.ts';
import type { ReferentielRuleCode } from './ruleCodes.ts';

const canEditReferentiel = (referentiel: { status: string }): Verdict<ReferentielRuleCode> =>
  referentiel.status === 'draft'
    ? allow()
    : refuse('referentiel_published', 'une version publiée ne peut plus être modifiée');

export { canEditReferentiel };
