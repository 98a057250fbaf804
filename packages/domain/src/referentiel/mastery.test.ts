import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cleaData from '../../data/referentiel-clea.json' with { type: 'json' };
import { ReferentielDocument, allCriteria } from './document.ts';
import { computeMastery, mergeAcquired } from './mastery.ts';
import type { CriterionStatus } from './mastery.ts';
import { defaultThresholds } from './settings.ts';
import type { Thresholds } from './settings.ts';

const clea = ReferentielDocument.parse(cleaData);
const codes = allCriteria(clea).map((c) => c.code);

/** A tiny référentiel: one domain, two sub-domains of 4 and 2 criteria. */
const tiny = {
  domains: [
    {
      code: '1',
      title: 'D1',
      subdomains: [
        {
          code: '1.1',
          title: 'S1',
          criteria: ['1.1.1', '1.1.2', '1.1.3', '1.1.4'].map((code) => ({ code, text: code })),
        },
        { code: '1.2', title: 'S2', criteria: ['1.2.1', '1.2.2'].map((code) => ({ code, text: code })) },
      ],
    },
  ],
};

const acquired = (...list: string[]): Record<string, CriterionStatus> =>
  Object.fromEntries(list.map((c) => [c, 'acquired' as const]));

describe('Function: computeMastery (table-driven)', () => {
  const cases: {
    name: string;
    statuses: Record<string, CriterionStatus>;
    thresholds?: Thresholds;
    s1: boolean;
    s2: boolean;
  }[] = [
    { name: 'nothing acquired', statuses: {}, s1: false, s2: false },
    { name: '3 of 4 is ceil(75 %) of 4', statuses: acquired('1.1.1', '1.1.2', '1.1.3'), s1: true, s2: false },
    { name: '2 of 4 is not enough', statuses: acquired('1.1.1', '1.1.2'), s1: false, s2: false },
    { name: '2 of 2 (ceil(1.5) = 2)', statuses: acquired('1.2.1', '1.2.2'), s1: false, s2: true },
    { name: '1 of 2 is not enough', statuses: acquired('1.2.1'), s1: false, s2: false },
    {
      name: 'a missing mandatory criterion blocks the sub-domain',
      statuses: acquired('1.1.1', '1.1.2', '1.1.3'),
      thresholds: {
        '1.1': { minAcquired: 3, mandatory: ['1.1.4'] },
        '1.2': { minAcquired: 2, mandatory: [] },
      },
      s1: false,
      s2: false,
    },
    {
      name: 'a lower threshold set by the national admin',
      statuses: acquired('1.1.1', '1.2.1'),
      thresholds: { '1.1': { minAcquired: 1, mandatory: [] }, '1.2': { minAcquired: 1, mandatory: [] } },
      s1: true,
      s2: true,
    },
    {
      name: 'not_acquired and not_evaluated count the same',
      statuses: {
        '1.1.1': 'acquired',
        '1.1.2': 'acquired',
        '1.1.3': 'not_evaluated',
        '1.1.4': 'not_acquired',
      },
      s1: false,
      s2: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const mastery = computeMastery({ referentiel: tiny, statuses: c.statuses, thresholds: c.thresholds });
      const [s1, s2] = mastery.domains[0]?.subdomains ?? [];
      expect([s1?.mastered, s2?.mastered, mastery.complete]).toEqual([c.s1, c.s2, c.s1 && c.s2]);
    });
  }

  it('certifies only when every domain of CléA is mastered', () => {
    expect(computeMastery({ referentiel: clea, statuses: acquired(...codes) }).complete).toBe(true);
    // 1.2 has 4 criteria: 3 acquired is enough; 1.1 has 2: both are needed.
    expect(
      computeMastery({ referentiel: clea, statuses: acquired(...codes.filter((c) => c !== '1.2.1')) })
        .complete,
    ).toBe(true);
    expect(
      computeMastery({ referentiel: clea, statuses: acquired(...codes.filter((c) => c !== '1.1.1')) })
        .complete,
    ).toBe(false);
    expect(computeMastery({ referentiel: clea, statuses: {} }).complete).toBe(false);
  });

  it('lists the gaps a training plan targets', () => {
    const mastery = computeMastery({ referentiel: tiny, statuses: acquired('1.1.1', '1.2.2') });
    expect(mastery.gaps).toEqual(['1.1.2', '1.1.3', '1.1.4', '1.2.1']);
    expect(mastery.acquiredCriteria).toEqual(['1.1.1', '1.2.2']);
  });
});

const statusArb = fc.constantFrom<CriterionStatus>('acquired', 'not_acquired', 'not_evaluated');
const gridArb = fc
  .array(statusArb, { minLength: codes.length, maxLength: codes.length })
  .map((list) => Object.fromEntries(codes.map((code, i) => [code, list[i] as CriterionStatus])));
const masteredCount = (statuses: Record<string, CriterionStatus>, thresholds?: Thresholds) =>
  computeMastery({ referentiel: clea, statuses, thresholds })
    .domains.flatMap((d) => d.subdomains)
    .filter((s) => s.mastered).length;

describe('Function: computeMastery (properties on the CléA grid)', () => {
  it('adding an acquired criterion never lowers mastery', () => {
    fc.assert(
      fc.property(gridArb, fc.constantFrom(...codes), (grid, code) => {
        const before = computeMastery({ referentiel: clea, statuses: grid });
        const after = computeMastery({ referentiel: clea, statuses: { ...grid, [code]: 'acquired' } });
        expect(masteredCount({ ...grid, [code]: 'acquired' })).toBeGreaterThanOrEqual(masteredCount(grid));
        expect(after.domains.filter((d) => d.mastered).length).toBeGreaterThanOrEqual(
          before.domains.filter((d) => d.mastered).length,
        );
        if (before.complete) expect(after.complete).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('a missing mandatory criterion always blocks its sub-domain', () => {
    const subdomains = clea.domains.flatMap((d) => d.subdomains);
    fc.assert(
      fc.property(gridArb, fc.constantFrom(...subdomains), fc.nat(), (grid, sub, pick) => {
        const mandatory = sub.criteria[pick % sub.criteria.length]?.code as string;
        const thresholds = {
          ...defaultThresholds(clea),
          [sub.code]: { minAcquired: 0, mandatory: [mandatory] },
        };
        const statuses = { ...grid, [mandatory]: 'not_acquired' as const };
        const mastery = computeMastery({ referentiel: clea, statuses, thresholds });
        const result = mastery.domains.flatMap((d) => d.subdomains).find((s) => s.code === sub.code);
        expect(result?.mastered).toBe(false);
        expect(result?.missingMandatory).toEqual([mandatory]);
        expect(mastery.complete).toBe(false);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('Function: mergeAcquired', () => {
  it('keeps what was acquired before whatever the new evaluation says', () => {
    expect(mergeAcquired(['1.1.1'], { '1.1.1': 'not_acquired', '1.1.2': 'acquired' })).toEqual({
      '1.1.1': 'acquired',
      '1.1.2': 'acquired',
    });
  });
});
