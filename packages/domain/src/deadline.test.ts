import { describe, expect, it } from 'vitest';
import { addMonths, asOfToday, deadlineFrom, deadlineState } from './deadline.ts';

describe('Function: deadlineFrom', () => {
  it('adds five years', () => {
    expect(deadlineFrom('2026-03-12', 5)).toBe('2031-03-12');
  });
  it('turns 29 February into 28 February', () => {
    expect(deadlineFrom('2024-02-29', 5)).toBe('2029-02-28');
  });
});

describe('Function: addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});

describe('Function: deadlineState', () => {
  const base = { status: 'in_training' as const, deadline: '2031-03-12', warningMonths: 6 };
  it('is ok long before', () => {
    expect(deadlineState({ ...base, today: '2030-09-11' })).toBe('ok');
  });
  it('warns from six months before', () => {
    expect(deadlineState({ ...base, today: '2030-09-12' })).toBe('soon');
  });
  it('is still in time on the deadline day', () => {
    expect(deadlineState({ ...base, today: '2031-03-12' })).toBe('soon');
  });
  it('has passed the day after', () => {
    expect(deadlineState({ ...base, today: '2031-03-13' })).toBe('passed');
  });
  it('does not matter once eligible', () => {
    expect(deadlineState({ ...base, status: 'eligible', today: '2040-01-01' })).toBe('none');
  });
});

describe('Function: asOfToday', () => {
  it('reads a dossier past its deadline as expired', () => {
    expect(asOfToday({ status: 'in_training', deadline: '2031-03-12' }, '2031-03-13').status).toBe('expired');
  });
  it('leaves it as stored on the deadline day', () => {
    expect(asOfToday({ status: 'in_training', deadline: '2031-03-12' }, '2031-03-12').status).toBe(
      'in_training',
    );
  });
});
