import { describe, expect, it } from 'vitest';
import {
  canCertify,
  canChangeEntry,
  canCloseAgenda,
  canIssueCertificates,
  canPresentToJury,
  masteredForJury,
} from './agenda.ts';
import type { SessionTiming } from './scheduling.ts';

const codeOf = (verdict: { ok: boolean; code?: string }) => (verdict.ok ? 'allowed' : verdict.code);

describe('canPresentToJury', () => {
  it.each([
    ['eligible', undefined, 'allowed'],
    ['adjourned', undefined, 'allowed'],
    ['eligible', '2026-11-02T10:00:00Z', 'already_submitted'],
    ['in_training', undefined, 'not_eligible'],
    ['certified', undefined, 'not_eligible'],
  ])('a dossier %s, submitted at %s: %s', (status, submittedToJuryAt, expected) => {
    expect(codeOf(canPresentToJury({ status, submittedToJuryAt }))).toBe(expected);
  });

  it('needs every domain mastered, as the jury will read it', () => {
    expect(codeOf(masteredForJury({ allDomainsMastered: true }))).toBe('allowed');
    expect(codeOf(masteredForJury({ allDomainsMastered: false }))).toBe('not_eligible');
  });
});

describe('agenda entries', () => {
  it('are changed until their decision is taken', () => {
    expect(codeOf(canChangeEntry({}))).toBe('allowed');
    expect(codeOf(canChangeEntry({ decision: { decision: 'adjourned' } }))).toBe('decided');
  });

  it('are certified only with every domain mastered, or a dossier gone', () => {
    expect(codeOf(canCertify({ complete: true }))).toBe('allowed');
    expect(codeOf(canCertify({ complete: false }))).toBe('not_eligible');
    expect(codeOf(canCertify(undefined))).toBe('not_eligible');
  });

  it('close with something on the agenda', () => {
    expect(codeOf(canCloseAgenda(0))).toBe('empty_agenda');
    expect(codeOf(canCloseAgenda(1))).toBe('allowed');
  });
});

describe('canIssueCertificates', () => {
  // 2026-12-08 at 22:30 UTC is already the 9th in La Réunion (UTC+4), still the 8th in Paris.
  const now = new Date('2026-12-08T22:30:00Z');
  const session = (s: Partial<SessionTiming>): SessionTiming => ({
    region: '11',
    date: '2026-12-08',
    status: 'closing',
    ...s,
  });

  it.each([
    [session({}), 'allowed'],
    [session({ status: 'cancelled' }), 'session_cancelled'],
    [session({ date: '2026-12-09' }), 'before_session_date'],
    [session({ region: '04', date: '2026-12-09' }), 'allowed'],
  ])('%o: %s', (s, expected) => {
    expect(codeOf(canIssueCertificates(s, now))).toBe(expected);
  });
});
