import { describe, expect, it } from 'vitest';
import { canConvene, termCovers } from './terms.ts';
import type { Juror } from './terms.ts';
import { canDeclareConflict, isRepeatDeclaration } from './conflicts.ts';
import { juryActorView } from './auditView.ts';

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

describe('Function: termCovers', () => {
  const cases: [string, string | null, string, boolean][] = [
    ['2025-01-01', null, '2026-12-08', true],
    ['2025-01-01', '2026-12-08', '2026-12-08', true],
    ['2025-01-01', '2026-12-07', '2026-12-08', false],
    ['2026-12-09', null, '2026-12-08', false],
  ];
  for (const [from, to, date, covers] of cases) {
    it(`${from} → ${to ?? '…'} on ${date}: ${covers}`, () => {
      expect(termCovers({ termFrom: from, termTo: to }, date)).toBe(covers);
    });
  }
});

describe('Function: canConvene', () => {
  const jurors = [
    juror('E'),
    juror('S', { college: 'employee' }),
    juror('OLD', { college: 'employee', termTo: '2026-01-01' }),
    juror('OFF', { active: false }),
    juror('SEC', { role: 'jury_secretary', college: null }),
  ];
  const cases: [string[], string | undefined, string | undefined][] = [
    [['E', 'S'], undefined, undefined],
    [['E', 'OLD'], 'term_not_covering', 'memberIds.1'],
    [['OFF', 'S'], 'member_not_convenable', 'memberIds.0'],
    [['E', 'SEC'], 'member_not_convenable', 'memberIds.1'],
    [['E', 'NOBODY'], 'member_not_convenable', 'memberIds.1'],
    [['E'], 'colleges_missing', 'memberIds'],
  ];
  for (const [memberIds, code, field] of cases) {
    it(`${memberIds.join(', ')} → ${code ?? 'convened'}`, () => {
      const verdict = canConvene({ memberIds, jurors, date: '2026-12-08' });
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
      expect(verdict.ok ? undefined : verdict.field).toBe(field);
    });
  }
});

describe('Conflict declarations', () => {
  const cases: [Partial<Parameters<typeof canDeclareConflict>[0]>, string | undefined][] = [
    [{}, undefined],
    [{ decided: true }, 'decided'],
    [{ memberId: 'Z' }, 'member_not_convened'],
    [{ reason: 'x'.repeat(501) }, 'reason_required'],
    [{ reason: '   ' }, 'reason_required'],
  ];
  for (const [over, code] of cases) {
    it(`${JSON.stringify(over).slice(0, 60)} → ${code ?? 'allowed'}`, () => {
      const verdict = canDeclareConflict({
        memberId: 'A',
        convened: ['A', 'B'],
        reason: 'Voisin du candidat',
        decided: false,
        ...over,
      });
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
    });
  }
  it('a second declaration by the same member is a repeat', () => {
    expect(isRepeatDeclaration([{ memberId: 'A' }], 'A')).toBe(true);
    expect(isRepeatDeclaration([{ memberId: 'A' }], 'B')).toBe(false);
  });
});

describe('Function: juryActorView', () => {
  const read = {
    action: 'dossier.read_by_jury',
    actor: { userId: 'J1', name: 'Marc Juré', roles: ['jury_member'] },
    summary: 'session du 8 décembre 2026',
  };
  const cases: [string[], string, string][] = [
    [['advisor'], 'Le jury', 'dossier.examined_by_jury'],
    [['network_admin'], 'Le jury', 'dossier.examined_by_jury'],
    [['national_admin'], 'Marc Juré', 'dossier.read_by_jury'],
    [['jury_secretary'], 'Marc Juré', 'dossier.read_by_jury'],
  ];
  for (const [roles, name, action] of cases) {
    it(`${roles[0]} sees ${name}`, () => {
      const seen = juryActorView(read, { roles });
      expect(seen.actor.name).toBe(name);
      expect(seen.action).toBe(action);
      if (name === 'Le jury') expect(JSON.stringify(seen)).not.toContain('J1');
    });
  }
  it('leaves network staff’s own events as they are', () => {
    const own = { action: 'dossier.opened', actor: { userId: 'U1', name: 'Alice', roles: ['advisor'] } };
    expect(juryActorView(own, { roles: ['advisor'] })).toBe(own);
  });
});
