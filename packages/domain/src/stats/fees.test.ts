import { describe, expect, it } from 'vitest';
import { FEE_RULE_CODES, checkFeeScheduleStart } from './fees.ts';

describe('checkFeeScheduleStart', () => {
  // 15 March 2026, noon in Paris.
  const now = new Date('2026-03-15T11:00:00Z');

  it.each([
    ['2026-03', 'the current month (still open)'],
    ['2026-04', 'a month to come'],
    ['2027-01', 'next year'],
  ])('allows %s, %s', (month) => {
    expect(checkFeeScheduleStart({ month, now }).ok).toBe(true);
  });

  it.each([
    ['2026-02', 'last month'],
    ['2025-12', 'last year'],
  ])('refuses %s (%s): its statements are issued, naming the month field', (month) => {
    const verdict = checkFeeScheduleStart({ month, now });
    expect(verdict).toMatchObject({ ok: false, code: 'statement_issued', field: 'month' });
    expect(FEE_RULE_CODES).toContain(verdict.ok ? '' : verdict.code);
    expect(verdict.ok ? '' : verdict.message).toMatch(/relevés de ce mois sont déjà émis/);
  });

  it('reads the month in Paris time: 31 January 23:30 UTC is already February', () => {
    const lateJanuaryUtc = new Date('2026-01-31T23:30:00Z');
    expect(checkFeeScheduleStart({ month: '2026-01', now: lateJanuaryUtc }).ok).toBe(false);
    expect(checkFeeScheduleStart({ month: '2026-02', now: lateJanuaryUtc }).ok).toBe(true);
  });
});
