import { describe, expect, it } from 'vitest';
import { agendaRevisionOf, canPublishAgenda } from './agendaPublication.ts';

const planned = { region: '11', date: '2027-03-01', status: 'planned' as const };
const codeOf = (verdict: ReturnType<typeof canPublishAgenda>) => (verdict.ok ? 'allowed' : verdict.code);

describe('Function: canPublishAgenda', () => {
  it.each([
    ['a planned session with dossiers never sent', planned, { size: 3, alreadyPublished: false }, 'allowed'],
    ['an empty agenda', planned, { size: 0, alreadyPublished: false }, 'empty_agenda'],
    ['the same agenda again', planned, { size: 3, alreadyPublished: true }, 'agenda_already_published'],
    [
      'an opened session',
      { ...planned, openedAt: '2027-03-01T08:00:00Z' },
      { size: 3, alreadyPublished: false },
      'session_opened',
    ],
    [
      'a cancelled session',
      { ...planned, status: 'cancelled' as const },
      { size: 3, alreadyPublished: false },
      'session_cancelled',
    ],
  ])('%s: %s', (_name, session, agenda, expected) => {
    expect(codeOf(canPublishAgenda(session, agenda))).toBe(expected);
  });
});

describe('Function: agendaRevisionOf', () => {
  it('is the same for the same dossiers in any order, and changes when one is added', () => {
    expect([
      agendaRevisionOf(['B', 'A']) === agendaRevisionOf(['A', 'B']),
      agendaRevisionOf(['A', 'B']) === agendaRevisionOf(['A', 'B', 'C']),
    ]).toEqual([true, false]);
  });
});
