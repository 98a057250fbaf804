import { describe, expect, it } from 'vitest';
import { RuleViolationError, ValidationError } from '../errors.ts';
import { allow, enforce, firstRefusal, refuse } from './verdict.ts';

describe('verdicts', () => {
  it('enforce lets an allowed verdict through', () => {
    expect(() => enforce(allow())).not.toThrow();
  });

  it('enforce throws a refusal without a field as a rule violation carrying its code', () => {
    const error = (() => {
      try {
        enforce(refuse('session_closed', 'la session est close'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).code).toBe('session_closed');
  });

  it('enforce throws a refusal naming a field as bad input on that field, code kept', () => {
    expect(() => enforce(refuse('session_date_past', 'date passée', 'date'))).toThrow(ValidationError);
    try {
      enforce(refuse('session_date_past', 'date passée', 'date'));
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([
        { path: 'date', message: 'date passée', code: 'session_date_past' },
      ]);
    }
  });

  it('firstRefusal keeps the order of the checks', () => {
    expect(firstRefusal(allow(), refuse('a', 'A'), refuse('b', 'B'))).toMatchObject({ code: 'a' });
    expect(firstRefusal<'a'>(allow(), allow()).ok).toBe(true);
  });
});
