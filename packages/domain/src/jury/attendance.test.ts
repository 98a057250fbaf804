import { describe, expect, it } from 'vitest';
import { canRecordMovement, canSetAttendance, presentAt } from './attendance.ts';
import type { SessionAttendance } from './attendance.ts';
import type { Juror } from './terms.ts';

const juror = (userId: string, over: Partial<Juror> = {}): Juror => ({
  userId,
  firstName: 'Marc',
  lastName: userId,
  role: 'jury_member',
  college: 'employer',
  active: true,
  termFrom: '2025-01-01',
  ...over,
});
const jurors = [juror('A'), juror('B', { college: 'employee' }), juror('C', { termTo: '2026-06-30' })];
const base: SessionAttendance & { openedAt?: string } = {
  date: '2026-12-08',
  memberIds: ['A', 'B', 'C'],
  presentMemberIds: ['A'],
};

describe('Function: presentAt', () => {
  const session: SessionAttendance = {
    ...base,
    presentMemberIds: ['A', 'B'],
    movements: [
      { memberId: 'B', kind: 'departure', at: '2026-12-08T10:30:00Z' },
      { memberId: 'C', kind: 'arrival', at: '2026-12-08T10:00:00Z' },
    ],
  };
  const cases: [string | undefined, string[]][] = [
    ['2026-12-08T09:00:00Z', ['A', 'B']],
    ['2026-12-08T10:00:00Z', ['A', 'B', 'C']],
    ['2026-12-08T10:29:59Z', ['A', 'B', 'C']],
    ['2026-12-08T11:00:00Z', ['A', 'C']],
    [undefined, ['A', 'C']],
  ];
  for (const [instant, expected] of cases) {
    it(`at ${instant ?? 'now'}: ${expected.join(', ')}`, () => {
      expect(presentAt(session, instant).sort()).toEqual(expected);
    });
  }
});

describe('Function: canSetAttendance', () => {
  const cases: [Partial<SessionAttendance>, string[], string | undefined, string | undefined][] = [
    [{}, ['A', 'B'], undefined, undefined],
    [{ votingStartedAt: '2026-12-08T09:00:00Z' }, ['A', 'B'], 'attendance_frozen', undefined],
    [{}, ['A', 'Z'], 'member_not_convened', 'presentMemberIds.1'],
    [{}, ['C'], 'term_not_covering', 'presentMemberIds.0'],
  ];
  for (const [over, present, code, field] of cases) {
    it(`${JSON.stringify(over)} present ${present.join(',')} → ${code ?? 'allowed'}`, () => {
      const verdict = canSetAttendance({ session: { ...base, ...over }, presentMemberIds: present, jurors });
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
      expect(verdict.ok ? undefined : verdict.field).toBe(field);
    });
  }
});

describe('Function: canRecordMovement', () => {
  const opened = { ...base, openedAt: '2026-12-08T08:00:00Z' };
  const cases: [typeof opened | typeof base, string, 'arrival' | 'departure', string | undefined][] = [
    [base, 'B', 'arrival', 'attendance_not_recorded'],
    [opened, 'B', 'arrival', undefined],
    [opened, 'A', 'arrival', 'movement_invalid'],
    [opened, 'A', 'departure', undefined],
    [opened, 'B', 'departure', 'movement_invalid'],
    [opened, 'Z', 'arrival', 'member_not_convened'],
    [opened, 'C', 'arrival', 'term_not_covering'],
  ];
  for (const [session, memberId, kind, code] of cases) {
    it(`${session.openedAt ? 'open' : 'not open'}: ${kind} of ${memberId} → ${code ?? 'allowed'}`, () => {
      const verdict = canRecordMovement({ session, memberId, kind, jurors });
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
    });
  }
});
