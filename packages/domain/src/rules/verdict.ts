/**
 * The answer of a domain decision: allowed, or refused with a rule code from a closed set and a
 * French message. Decision functions return verdicts (pure, table-tested); the data layer reads,
 * asks the decision, then writes, and turns a refusal into the error the HTTP layer maps with
 * `enforce`. The web maps each code to its own French text (web/src/lib/api/ruleMessages.ts).
 */
import { RuleViolationError, ValidationError } from '../errors.ts';
import type { RuleCode } from './ruleCodes.ts';

interface Allowed {
  readonly ok: true;
}

interface Refused<Code extends string> {
  readonly ok: false;
  readonly code: Code;
  /** French, for the person who tried: says which rule, and what to do where it can. */
  readonly message: string;
  /** The input field at fault: the refusal is then bad input (400), not a state conflict (409). */
  readonly field?: string;
}

type Verdict<Code extends string> = Allowed | Refused<Code>;

const ALLOWED: Allowed = Object.freeze({ ok: true });

const allow = (): Allowed => ALLOWED;

const refuse = <Code extends string>(code: Code, message: string, field?: string): Refused<Code> =>
  field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };

/** The first refusal of several checks, in order, or allowed. */
const firstRefusal = <Code extends string>(...verdicts: Verdict<Code>[]): Verdict<Code> =>
  verdicts.find((v): v is Refused<Code> => !v.ok) ?? ALLOWED;

/**
 * Throws a refusal as the error the HTTP layer maps: 400 naming the field when the input is at
 * fault, 409 with the rule code otherwise.
 */
function enforce<Code extends RuleCode>(verdict: Verdict<Code>): asserts verdict is Allowed {
  if (verdict.ok) return;
  if (verdict.field !== undefined) {
    throw new ValidationError([{ path: verdict.field, message: verdict.message, code: verdict.code }]);
  }
  throw violationOf(verdict);
}

/**
 * The error for a refusal known only at write time (a transaction's condition failed: an id taken,
 * a dossier already on an agenda): the data layer keeps the condition, the domain names the rule.
 * `details` are non-personal facts the caller needs to act on it.
 */
const violationOf = (refusal: Refused<RuleCode>, details?: Record<string, unknown>): RuleViolationError =>
  new RuleViolationError(refusal.code, refusal.message, details === undefined ? undefined : { details });

export type { Allowed, Refused, Verdict };
export { allow, enforce, firstRefusal, refuse, violationOf };
