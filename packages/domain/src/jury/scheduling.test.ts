import { describe, expect, it } from 'vitest';
import { canChangeSession, canDeliberate, canPlanSession, frenchDay } from './scheduling.ts';
import type { SessionTiming } from './scheduling.ts';

const session = (over: Partial<SessionTiming> = {}): SessionTiming => ({
  region: '11',
  date: '2026-12-08',
  status: 'planned',
  ...over,
});

describe('Function: canPlanSession', () => {
  const cases: [string, string, string, boolean][] = [
    // [region, date, now (UTC), allowed]
    ['11', '2026-12-08', '2026-12-08T08:00:00Z', true],
    ['11', '2026-12-07', '2026-12-08T08:00:00Z', false],
    ['11', '2027-01-15', '2026-12-08T08:00:00Z', true],
    // 22:30 UTC on the 7th is already the 8th in Paris (UTC+1): the 7th is past there…
    ['11', '2026-12-07', '2026-12-07T23:30:00Z', false],
    // …and in La Réunion (UTC+4) from 20:00 UTC.
    ['04', '2026-12-07', '2026-12-07T20:30:00Z', false],
    ['04', '2026-12-07', '2026-12-07T19:30:00Z', true],
    // Guadeloupe (UTC−4) is still on the 7th at 02:00 UTC on the 8th.
    ['01', '2026-12-07', '2026-12-08T02:00:00Z', true],
  ];
  for (const [region, date, now, allowed] of cases) {
    it(`region ${region}, session on ${date}, at ${now} → ${allowed ? 'planned' : 'refused'}`, () => {
      const verdict = canPlanSession({ region, date, now: new Date(now) });
      expect(verdict.ok).toBe(allowed);
      if (!verdict.ok) expect(verdict).toMatchObject({ code: 'session_date_past', field: 'date' });
    });
  }

  it('names the day in French, never as an ISO date', () => {
    const verdict = canPlanSession({
      region: '11',
      date: '2026-11-20',
      now: new Date('2026-12-08T08:00:00Z'),
    });
    expect(verdict.ok || verdict.message).toContain('20 novembre 2026');
    expect(verdict.ok || verdict.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('Function: canDeliberate', () => {
  const cases: [string, string, string, boolean][] = [
    // [region, session date, now (UTC), may deliberate]
    ['11', '2026-12-08', '2026-12-07T22:59:00Z', false],
    ['11', '2026-12-08', '2026-12-07T23:00:00Z', true],
    ['04', '2026-12-08', '2026-12-07T19:59:00Z', false],
    ['04', '2026-12-08', '2026-12-07T20:00:00Z', true],
    ['06', '2026-12-08', '2026-12-07T21:00:00Z', true],
    ['03', '2026-12-08', '2026-12-08T02:59:00Z', false],
    ['03', '2026-12-08', '2026-12-08T03:00:00Z', true],
    ['02', '2026-12-08', '2026-12-08T03:59:00Z', false],
    ['11', '2026-12-08', '2026-12-20T10:00:00Z', true],
  ];
  for (const [region, date, now, allowed] of cases) {
    it(`region ${region}, session on ${date}, at ${now} → ${allowed ? 'deliberates' : 'refused'}`, () => {
      const verdict = canDeliberate(session({ region, date }), new Date(now));
      expect(verdict.ok).toBe(allowed);
      if (!verdict.ok) expect(verdict.code).toBe('before_session_date');
    });
  }

  it('a cancelled or closed session never deliberates', () => {
    const now = new Date('2026-12-09T10:00:00Z');
    expect(canDeliberate(session({ status: 'cancelled' }), now)).toMatchObject({ code: 'session_cancelled' });
    expect(canDeliberate(session({ status: 'closing' }), now)).toMatchObject({ code: 'session_closed' });
    expect(canDeliberate(session({ status: 'closed' }), now)).toMatchObject({ code: 'session_closed' });
  });
});

describe('Function: canChangeSession', () => {
  const cases: [Partial<SessionTiming>, string | undefined][] = [
    [{}, undefined],
    [{ openedAt: '2026-12-08T08:00:00Z' }, 'session_opened'],
    [{ status: 'cancelled' }, 'session_cancelled'],
    [{ status: 'closed' }, 'session_closed'],
  ];
  for (const [over, code] of cases) {
    it(`${JSON.stringify(over)} → ${code ?? 'allowed'}`, () => {
      const verdict = canChangeSession(session(over));
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
    });
  }
});

it('frenchDay writes the day in words', () => {
  expect(frenchDay('2027-01-01')).toBe('1 janvier 2027');
});
