import { describe, expect, it } from 'vitest';
import { checkQuorum, isConflicted } from './jury.ts';
import type { College } from './jury.ts';

const members = (employers: number, employees: number) => [
  ...Array.from({ length: employers }, () => ({ college: 'employer' as College })),
  ...Array.from({ length: employees }, () => ({ college: 'employee' as College })),
];

describe('Function: checkQuorum', () => {
  const cases: [number, number, { minPerCollege: number; parity: boolean } | undefined, boolean][] = [
    [1, 1, undefined, true],
    [2, 2, undefined, true],
    [0, 0, undefined, false],
    [2, 0, undefined, false],
    [0, 3, undefined, false],
    [2, 1, undefined, false],
    [1, 2, undefined, false],
    [2, 1, { minPerCollege: 1, parity: false }, true],
    [1, 1, { minPerCollege: 2, parity: true }, false],
    [2, 2, { minPerCollege: 2, parity: true }, true],
    [3, 2, { minPerCollege: 2, parity: false }, true],
  ];
  for (const [employers, employees, quorum, ok] of cases) {
    it(`${employers} employer(s), ${employees} employee(s), ${JSON.stringify(quorum ?? 'default')} → ${ok ? 'may' : 'may not'} deliberate`, () => {
      expect(checkQuorum(members(employers, employees), quorum).ok).toBe(ok);
    });
  }
});

describe('Function: isConflicted', () => {
  const dossier = { tenantId: 'T1', organismId: 'O1', trainingOrganismId: 'O2' };
  const cases: [string, { tenantId: string; organismId?: string | null }[], boolean][] = [
    ['no link', [], false],
    ['linked to the whole network', [{ tenantId: 'T1' }], true],
    ['linked to the evaluating organism', [{ tenantId: 'T1', organismId: 'O1' }], true],
    ['linked to the training organism', [{ tenantId: 'T1', organismId: 'O2' }], true],
    ['linked to another organism of the network', [{ tenantId: 'T1', organismId: 'O3' }], false],
    ['linked to another network', [{ tenantId: 'T2' }], false],
  ];
  for (const [name, links, conflicted] of cases) {
    it(`${name} → ${conflicted ? 'conflicted' : 'free to vote'}`, () => {
      expect(isConflicted(links, dossier)).toBe(conflicted);
    });
  }
});
