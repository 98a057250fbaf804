/**
 * Confirming a certificate holder's name on the public verification page (SPEC §5): the answer says
 * whether the last name matches and nothing else. Guessing is bounded three ways: attempts per
 * client, attempts per code, and a code whose name was missed too often is locked for a while.
 * A lock is per code, whoever missed: an attacker can pause one code's confirmation (never its
 * verification), which is the price of not letting many addresses share the guesses.
 */
import { foldForSearch } from '../text.ts';
import { allow, refuse } from './verdict.ts';
import type { Verdict } from './verdict.ts';
import { CONFIRMATION_RULE_CODES } from './ruleCodes.ts';
import type { ConfirmationRuleCode } from './ruleCodes.ts';

/** The limits, in one place (the handler and the data layer read them from here). */
const CONFIRMATION_LIMITS = {
  /** Attempts of one client (across codes) per window. */
  perClient: { limit: 10, windowSeconds: 600 },
  /** Attempts on one code (across clients) per window: what bounds guessing from many addresses. */
  perCode: { limit: 20, windowSeconds: 3600 },
  /** Misses on one code within `missWindowSeconds` that lock it for `lockSeconds`. */
  maxMisses: 5,
  missWindowSeconds: 3600,
  lockSeconds: 3600,
} as const;

/** Case, accents and punctuation ignored: `ozturk-n'diaye` matches `Öztürk-N’Diaye`. */
const holderNameMatches = (given: string, stored: string): boolean =>
  foldForSearch(given) === foldForSearch(stored);

const minutesSentence = (seconds: number): string => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
};

/**
 * Refused while the code is locked (`lockedUntil`, ISO instant, in the future) or once its attempts
 * of the current window (`codeAttempts`, this one included) pass the per-code limit, until
 * `codeWindowEnd`.
 */
const checkConfirmationOpen = ({
  lockedUntil,
  codeAttempts,
  codeWindowEnd,
  now,
}: {
  lockedUntil: string | undefined;
  codeAttempts: number;
  codeWindowEnd: string;
  now: Date;
}): Verdict<ConfirmationRuleCode> => {
  const until = [lockedUntil, codeAttempts > CONFIRMATION_LIMITS.perCode.limit ? codeWindowEnd : undefined]
    .map((at) => (at ? Date.parse(at) : 0))
    .reduce((a, b) => Math.max(a, b), 0);
  const remaining = (until - now.getTime()) / 1000;
  if (!(remaining > 0)) return allow();
  return refuse(
    'confirmation_locked',
    `Trop de tentatives de confirmation pour ce certificat : la confirmation du titulaire est suspendue. Réessayez dans ${minutesSentence(remaining)}. Le certificat reste vérifiable par son code.`,
  );
};

/** The lock's end once a miss brings the window's misses to the maximum; undefined otherwise. */
const lockAfterMiss = ({ misses, now }: { misses: number; now: Date }): string | undefined =>
  misses >= CONFIRMATION_LIMITS.maxMisses
    ? new Date(now.getTime() + CONFIRMATION_LIMITS.lockSeconds * 1000).toISOString()
    : undefined;

export type { ConfirmationRuleCode };
export {
  CONFIRMATION_LIMITS,
  CONFIRMATION_RULE_CODES,
  checkConfirmationOpen,
  holderNameMatches,
  lockAfterMiss,
};
