/**
 * A candidate's data (SPEC §7): erased only when every reason to keep it has ended (`checkErasure`,
 * dataProtection.ts, says which), and never half: an erasure or a dormancy update that meets a
 * change made at the same moment stops and is retried.
 */
import type { ErasureCheck } from '../dataProtection.ts';
import { allow, refuse } from './verdict.ts';
import type { Refused, Verdict } from './verdict.ts';
import type { DataProtectionRuleCode, PaperCopyRuleCode } from './ruleCodes.ts';

/** Written at write time: an item the erasure read changed or went away before it was written. */
const erasureConflict: Refused<DataProtectionRuleCode> = refuse(
  'erasure_conflict',
  'un élément a disparu pendant l’effacement : relancez-le',
);

/** Written at write time: another dossier of the candidate changed while their dormancy was updated. */
const candidateChanged: Refused<DataProtectionRuleCode> = refuse(
  'candidate_changed',
  'un autre dossier du même candidat a changé au même moment : réessayez',
);

/** An erasure goes ahead with no reason left to keep the data; else the first reason's code, every reason said. */
const canErase = (
  check: Pick<ErasureCheck, 'blockers'>,
): Verdict<DataProtectionRuleCode | PaperCopyRuleCode> => {
  const [first] = check.blockers;
  return first ? refuse(first.code, check.blockers.map((b) => b.message).join(' ')) : allow();
};

export { canErase, candidateChanged, erasureConflict };
