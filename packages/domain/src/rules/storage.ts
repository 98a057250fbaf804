/**
 * Writes of generated identifiers (ULIDs, certificate codes, audit event ids) are conditional on the
 * id being new: a collision, however unlikely, refuses rather than overwrite. No person causes one,
 * and a retry draws a new id. The data layer keeps the condition; these name the refusal.
 */
import { refuse } from './verdict.ts';
import type { Refused } from './verdict.ts';
import type { StorageRuleCode } from './ruleCodes.ts';

const duplicateId: Refused<StorageRuleCode> = refuse(
  'duplicate_id',
  'identifiant généré déjà pris : rien n’a été enregistré, réessayez',
);
const auditCollision: Refused<StorageRuleCode> = refuse(
  'audit_collision',
  'événement d’historique déjà écrit : rien n’a été enregistré, réessayez',
);

export { auditCollision, duplicateId };
