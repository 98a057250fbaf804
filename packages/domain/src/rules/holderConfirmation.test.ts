import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_LIMITS,
  checkConfirmationOpen,
  holderNameMatches,
  lockAfterMiss,
} from './holderConfirmation.ts';

const now = new Date('2026-12-07T10:00:00Z');
const windowEnd = '2026-12-07T11:00:00.000Z';

describe('holderNameMatches', () => {
  it('ignores case, accents and apostrophes', () => {
    expect(holderNameMatches("ozturk-n'diaye", 'Öztürk-N’Diaye')).toBe(true);
  });

  it('refuses another name', () => {
    expect(holderNameMatches('Martin', 'Martine')).toBe(false);
  });
});

describe('checkConfirmationOpen', () => {
  it('allows a code without lock within its attempts', () => {
    expect(
      checkConfirmationOpen({ lockedUntil: undefined, codeAttempts: 1, codeWindowEnd: windowEnd, now }).ok,
    ).toBe(true);
  });

  it('allows a code whose lock has ended', () => {
    const verdict = checkConfirmationOpen({
      lockedUntil: '2026-12-07T09:59:59Z',
      codeAttempts: 1,
      codeWindowEnd: windowEnd,
      now,
    });
    expect(verdict.ok).toBe(true);
  });

  it('refuses a locked code, saying in French for how long', () => {
    const verdict = checkConfirmationOpen({
      lockedUntil: '2026-12-07T10:41:30Z',
      codeAttempts: 1,
      codeWindowEnd: windowEnd,
      now,
    });
    expect(verdict).toMatchObject({
      ok: false,
      code: 'confirmation_locked',
      message: expect.stringContaining('42 minutes'),
    });
  });

  it('refuses past the attempts of a code until the window ends', () => {
    const verdict = checkConfirmationOpen({
      lockedUntil: undefined,
      codeAttempts: CONFIRMATION_LIMITS.perCode.limit + 1,
      codeWindowEnd: windowEnd,
      now,
    });
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining('60 minutes') });
  });
});

describe('lockAfterMiss', () => {
  it('does not lock before the maximum of misses', () => {
    expect(lockAfterMiss({ misses: CONFIRMATION_LIMITS.maxMisses - 1, now })).toBeUndefined();
  });

  it('locks for the lock duration at the maximum', () => {
    expect(lockAfterMiss({ misses: CONFIRMATION_LIMITS.maxMisses, now })).toBe(
      new Date(now.getTime() + CONFIRMATION_LIMITS.lockSeconds * 1000).toISOString(),
    );
  });
});
