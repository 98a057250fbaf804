import { describe, expect, it } from 'vitest';
import { checkErasure, lastActivityOn, lastInitialOf } from './dataProtection.ts';
import type { RetainedDossier } from './dataProtection.ts';

const dossier = (overrides: Partial<RetainedDossier> = {}): RetainedDossier => ({
  id: '01JAZNJY74SB33NTS68B6PHGED',
  status: 'certified',
  openedAt: '2020-01-10T09:00:00.000Z',
  statusChangedAt: '2022-06-15T10:00:00.000Z',
  updatedAt: '2022-06-15T10:00:00.000Z',
  ...overrides,
});

describe('Function: lastActivityOn', () => {
  it('takes the later of the last status change and the last edit', () => {
    expect(lastActivityOn(dossier({ updatedAt: '2023-02-01T08:00:00.000Z' }), '2026-01-01')).toBe(
      '2023-02-01',
    );
  });

  it('takes the deadline of a dossier past it that the sweep has not expired yet', () => {
    const stale = dossier({
      status: 'in_training',
      deadline: '2024-03-31',
      updatedAt: '2021-01-01T00:00:00.000Z',
    });
    expect(lastActivityOn(stale, '2026-01-01')).toBe('2024-03-31');
  });
});

describe('Function: checkErasure', () => {
  it('allows erasure once every dossier is closed and the retention has run', () => {
    // Act
    const check = checkErasure({ dossiers: [dossier()], retentionYears: 3, today: '2025-06-15' });
    // Assess
    expect(check).toEqual({ erasable: true, erasableFrom: '2025-06-15', blockers: [] });
  });

  it('refuses during the retention and says until when, in French', () => {
    // Act
    const check = checkErasure({ dossiers: [dossier()], retentionYears: 3, today: '2025-06-14' });
    // Assess
    expect(check.erasable).toBe(false);
    expect(check.erasableFrom).toBe('2025-06-15');
    expect(check.blockers).toEqual([
      expect.objectContaining({ code: 'retention_running', dossierId: dossier().id }),
    ]);
    expect(check.blockers[0]?.message).toBe(
      "Le dossier ouvert le 10/01/2020 est conservé jusqu'au 15/06/2025 (3 ans après sa dernière activité, le 15/06/2022) : l'effacement sera possible à partir de cette date.",
    );
  });

  it('refuses while a dossier is open, with no date', () => {
    const check = checkErasure({
      dossiers: [dossier(), dossier({ id: '01JAZNJY74BP8CSW4GQ4BPMGXA', status: 'in_training' })],
      retentionYears: 1,
      today: '2030-01-01',
    });
    expect(check).toMatchObject({ erasable: false, erasableFrom: null });
    expect(check.blockers.map((b) => b.code)).toEqual(['dossier_active']);
    expect(check.blockers[0]?.message).toContain('statut « En formation »');
  });

  it('counts a dossier past its deadline as expired (closed)', () => {
    const check = checkErasure({
      dossiers: [
        dossier({
          status: 'in_training',
          deadline: '2021-03-31',
          statusChangedAt: '2020-05-01T00:00:00.000Z',
          updatedAt: '2020-05-01T00:00:00.000Z',
        }),
      ],
      retentionYears: 3,
      today: '2024-04-01',
    });
    expect(check.erasable).toBe(true);
  });

  it('refuses a withdrawn dossier still presented to the jury, and a paper copy on its way', () => {
    const check = checkErasure({
      dossiers: [dossier({ status: 'withdrawn', submittedToJuryAt: '2022-06-01T00:00:00.000Z' })],
      retentionYears: 1,
      today: '2030-01-01',
      pendingPaperCopies: [{ code: 'CLEA-0000-0000-0001-1', dossierId: dossier().id }],
    });
    expect(check.blockers.map((b) => b.code)).toEqual(['dossier_at_jury', 'paper_copy_pending']);
    expect(check.erasableFrom).toBeNull();
  });

  it('ignores dossiers already erased (a procedure resumed after a crash)', () => {
    const erased = dossier({ updatedAt: '2029-12-31T00:00:00.000Z', erasedAt: '2029-12-31T00:00:00.000Z' });
    expect(checkErasure({ dossiers: [erased], retentionYears: 3, today: '2030-01-01' }).erasable).toBe(true);
  });
});

describe('Function: lastInitialOf', () => {
  it('keeps the capital initial and a dot', () => {
    expect(lastInitialOf(' öztürk-N’Diaye')).toBe('Ö.');
  });
});
