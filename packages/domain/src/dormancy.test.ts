/** The pure rules behind the list of candidates whose erasure is due (dataProtection.ts). */
import { describe, expect, it } from 'vitest';
import { dormancyOf, erasureDueOn, latestDueActivityOn } from './dataProtection.ts';
import type { RetainedDossier } from './dataProtection.ts';

const dossier = (overrides: Partial<RetainedDossier> = {}): RetainedDossier => ({
  id: '01JAZNJY74SB33NTS68B6PHGED',
  status: 'certified',
  openedAt: '2020-01-10T09:00:00.000Z',
  statusChangedAt: '2022-06-15T10:00:00.000Z',
  updatedAt: '2022-06-15T10:00:00.000Z',
  ...overrides,
});

describe('Function: dormancyOf', () => {
  it('gives the last activity of a candidate whose dossiers are all closed, and its dossier', () => {
    const dossiers = [
      dossier({ id: 'A', status: 'withdrawn', statusChangedAt: '2021-03-01T10:00:00.000Z' }),
      dossier({ id: 'B', status: 'certified', updatedAt: '2023-01-05T10:00:00.000Z' }),
      dossier({ id: 'C', status: 'expired', statusChangedAt: '2022-09-01T10:00:00.000Z' }),
    ];
    expect(dormancyOf(dossiers)).toEqual({ lastActivityOn: '2023-01-05', dossierId: 'B' });
  });

  it('is null while a dossier is open or still before a jury', () => {
    expect(dormancyOf([dossier(), dossier({ id: 'B', status: 'in_training' })])).toBeNull();
    expect(dormancyOf([dossier({ submittedToJuryAt: '2022-06-01T10:00:00.000Z' })])).toBeNull();
  });

  it('leaves erased dossiers aside, and is null without any other', () => {
    const erased = dossier({ id: 'B', status: 'opened', erasedAt: '2026-01-01T00:00:00.000Z' });
    expect(dormancyOf([dossier(), erased])).toEqual({
      lastActivityOn: '2022-06-15',
      dossierId: dossier().id,
    });
    expect(dormancyOf([erased])).toBeNull();
    expect(dormancyOf([])).toBeNull();
  });
});

describe('Function: latestDueActivityOn', () => {
  it('is the day the retention ends for, as erasureDueOn counts it', () => {
    expect(latestDueActivityOn('2026-05-01', 3)).toBe('2023-05-01');
    expect(erasureDueOn('2023-05-01', 3)).toBe('2026-05-01');
    expect(erasureDueOn('2023-05-02', 3)).toBe('2026-05-02');
  });

  it('includes 29 February once its anniversary (28 February) has come', () => {
    expect(erasureDueOn('2024-02-29', 1)).toBe('2025-02-28');
    expect(latestDueActivityOn('2025-02-28', 1)).toBe('2024-02-29');
    expect(latestDueActivityOn('2025-02-27', 1)).toBe('2024-02-27');
  });

  it('splits every day into due or not exactly as erasureDueOn does', () => {
    const days = Array.from({ length: 800 }, (_, i) =>
      new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    );
    for (const years of [1, 3]) {
      for (const today of days.slice(365 * years)) {
        const latest = latestDueActivityOn(today, years);
        const mismatch = days.find((day) => day <= latest !== erasureDueOn(day, years) <= today);
        expect(mismatch, `${today}, ${years} year(s)`).toBeUndefined();
      }
    }
  });
});
