/**
 * Conflicts of interest (SPEC §4): a member declares a link once per candidate; a repeat is the
 * same declaration (nothing written), the reason is bounded, and only a member convened to the
 * session declares, so an agenda entry's size stays bounded whatever members do.
 */
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { JuryRuleCode } from './codes.ts';

/** Characters a conflict's reason may hold (the schema says the same to the user). */
const CONFLICT_REASON_MAX = 500;

interface Declaration {
  memberId: string;
}

/** Whether this member already declared a conflict for the candidate: the repeat changes nothing. */
const isRepeatDeclaration = (conflicts: readonly Declaration[], memberId: string): boolean =>
  conflicts.some((c) => c.memberId === memberId);

const canDeclareConflict = (options: {
  memberId: string;
  convened: readonly string[];
  reason: string;
  decided: boolean;
}): Verdict<JuryRuleCode> => {
  if (options.decided) return refuse('decided', 'la décision est déjà prise');
  if (!options.convened.includes(options.memberId)) {
    return refuse('member_not_convened', 'seul un membre convoqué déclare un lien');
  }
  if (!options.reason.trim() || options.reason.length > CONFLICT_REASON_MAX) {
    return refuse('reason_required', `motif de 1 à ${CONFLICT_REASON_MAX} caractères`, 'reason');
  }
  return allow();
};

export { CONFLICT_REASON_MAX, canDeclareConflict, isRepeatDeclaration };
