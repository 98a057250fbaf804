import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canVote, decideJuryOutcome, quorumVerdict, tallyVotes, votersFor } from './deliberation.ts';
import type { Ballot, Seat } from './deliberation.ts';
import { DEFAULT_JURY_RULES, majorities, requiredVotes } from './settings.ts';
import type { JuryRules } from './settings.ts';

const seats = (employers: number, employees: number): Seat[] => [
  ...Array.from({ length: employers }, (_, i) => ({ userId: `E${i}`, college: 'employer' as const })),
  ...Array.from({ length: employees }, (_, i) => ({ userId: `S${i}`, college: 'employee' as const })),
];

describe('Function: requiredVotes', () => {
  const cases: [JuryRules['majority'], number, number][] = [
    ['absolute', 2, 2],
    ['absolute', 3, 2],
    ['absolute', 4, 3],
    ['absolute', 5, 3],
    ['two_thirds', 3, 2],
    ['two_thirds', 4, 3],
    ['two_thirds', 6, 4],
    ['unanimity', 4, 4],
  ];
  for (const [majority, voters, required] of cases) {
    it(`${majority} of ${voters} voters → ${required} votes`, () => {
      expect(requiredVotes(majority, voters)).toBe(required);
    });
  }
});

describe('Function: votersFor', () => {
  it('is the present members minus the conflicted ones', () => {
    expect(votersFor({ present: ['A', 'B', 'C'], conflicted: ['B', 'Z'] })).toEqual(['A', 'C']);
  });
});

describe('Function: quorumVerdict', () => {
  const cases: [number, number, Partial<JuryRules>, boolean][] = [
    [1, 1, {}, true],
    [2, 1, {}, false],
    [2, 1, { parity: false }, true],
    [0, 2, { parity: false }, false],
    [1, 1, { minPerCollege: 2 }, false],
    [2, 2, { minPerCollege: 2 }, true],
  ];
  for (const [employers, employees, rules, ok] of cases) {
    it(`${employers} employer(s), ${employees} employee(s), ${JSON.stringify(rules)} → ${ok}`, () => {
      const verdict = quorumVerdict(seats(employers, employees), { ...DEFAULT_JURY_RULES, ...rules });
      expect(verdict.ok).toBe(ok);
    });
  }
});

describe('Function: canVote', () => {
  const base = {
    memberId: 'A',
    present: ['A', 'B'],
    conflicted: [] as string[],
    juror: { termFrom: '2025-01-01', termTo: null as string | null },
    date: '2026-12-08',
    decided: false,
  };
  const cases: [Partial<typeof base>, string | undefined][] = [
    [{}, undefined],
    [{ decided: true }, 'decided'],
    [{ present: ['B'] }, 'not_present'],
    [{ conflicted: ['A'] }, 'conflicted'],
    [{ juror: { termFrom: '2025-01-01', termTo: '2026-12-07' } }, 'term_not_covering'],
    [{ juror: { termFrom: '2026-12-09', termTo: null } }, 'term_not_covering'],
  ];
  for (const [over, code] of cases) {
    it(`${JSON.stringify(over)} → ${code ?? 'allowed'}`, () => {
      const verdict = canVote({ ...base, ...over });
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
    });
  }
});

describe('Function: decideJuryOutcome', () => {
  const four = seats(2, 2);
  const ballots = (votes: Record<string, Ballot>) => votes;
  const cases: [string, Parameters<typeof decideJuryOutcome>[0], string | undefined][] = [
    [
      'certified with 1 vote out of 4 voters',
      {
        outcome: 'certified',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'certify' }),
        rules: DEFAULT_JURY_RULES,
      },
      'no_majority',
    ],
    [
      'certified with 2 of 4 (half is not a majority)',
      {
        outcome: 'certified',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'certify', S0: 'certify' }),
        rules: DEFAULT_JURY_RULES,
      },
      'no_majority',
    ],
    [
      'certified with 3 of 4',
      {
        outcome: 'certified',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'certify', S0: 'certify', S1: 'certify', E1: 'adjourn' }),
        rules: DEFAULT_JURY_RULES,
      },
      undefined,
    ],
    [
      'adjourned with no vote at all',
      {
        outcome: 'adjourned',
        reason: 'Complément',
        present: four,
        voters: four,
        ballots: {},
        rules: DEFAULT_JURY_RULES,
      },
      'no_majority',
    ],
    [
      'adjourned by 3 of 4 without a reason',
      {
        outcome: 'adjourned',
        reason: ' ',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'adjourn', S0: 'adjourn', S1: 'adjourn' }),
        rules: DEFAULT_JURY_RULES,
      },
      'reason_required',
    ],
    [
      'adjourned by 3 of 4 with a reason',
      {
        outcome: 'adjourned',
        reason: 'Mise en situation complémentaire',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'adjourn', S0: 'adjourn', S1: 'adjourn' }),
        rules: DEFAULT_JURY_RULES,
      },
      undefined,
    ],
    [
      'voters of one college only (both employees conflicted)',
      {
        outcome: 'certified',
        present: four,
        voters: seats(2, 0),
        ballots: ballots({ E0: 'certify', E1: 'certify' }),
        rules: DEFAULT_JURY_RULES,
      },
      'voters_missing_college',
    ],
    [
      'present members not at parity',
      {
        outcome: 'certified',
        present: seats(2, 1),
        voters: seats(2, 1),
        ballots: ballots({ E0: 'certify', E1: 'certify', S0: 'certify' }),
        rules: DEFAULT_JURY_RULES,
      },
      'no_quorum',
    ],
    [
      'a conflicted member’s ballot does not count',
      {
        outcome: 'certified',
        present: four,
        voters: [four[0], four[2], four[3]] as Seat[],
        ballots: ballots({ E0: 'certify', E1: 'certify' }),
        rules: DEFAULT_JURY_RULES,
      },
      'no_majority',
    ],
    [
      'two thirds required, 3 of 4',
      {
        outcome: 'certified',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'certify', E1: 'certify', S0: 'certify' }),
        rules: { ...DEFAULT_JURY_RULES, majority: 'two_thirds' },
      },
      undefined,
    ],
    [
      'unanimity required, 3 of 4',
      {
        outcome: 'certified',
        present: four,
        voters: four,
        ballots: ballots({ E0: 'certify', E1: 'certify', S0: 'certify' }),
        rules: { ...DEFAULT_JURY_RULES, majority: 'unanimity' },
      },
      'no_majority',
    ],
  ];
  for (const [name, input, code] of cases) {
    it(`${name} → ${code ?? 'recorded'}`, () => {
      const verdict = decideJuryOutcome(input);
      expect(verdict.ok ? undefined : verdict.code).toBe(code);
    });
  }

  it('says the tally and the rule in French', () => {
    const verdict = decideJuryOutcome(cases[0]?.[1] as Parameters<typeof decideJuryOutcome>[0]);
    expect(verdict.ok || verdict.message).toBe(
      'certifier demande la majorité absolue des 4 votants, soit 3 voix ; 1 voix pour cette issue (certifier : 1, ajourner : 0)',
    );
  });
});

describe('Property: an outcome is recorded only as an absolute majority of valid voters of both colleges voted', () => {
  const member = fc.record({
    userId: fc.constantFrom('M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'),
    college: fc.constantFrom('employer' as const, 'employee' as const),
  });
  const world = fc.record({
    members: fc.uniqueArray(member, { selector: (m) => m.userId, minLength: 0, maxLength: 7 }),
    // Biased towards deliberating juries, so that recordable outcomes are met too, not only refusals.
    presentMask: fc.array(
      fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      { minLength: 7, maxLength: 7 },
    ),
    conflicted: fc.subarray(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'], { maxLength: 2 }),
    ballots: fc.dictionary(
      fc.constantFrom('M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'X9'),
      fc.oneof(
        { arbitrary: fc.constant<Ballot>('certify'), weight: 3 },
        { arbitrary: fc.constant<Ballot>('adjourn'), weight: 1 },
      ),
      { maxKeys: 8 },
    ),
    outcome: fc.constantFrom('certified' as const, 'adjourned' as const),
    reason: fc.option(fc.string(), { nil: null }) as fc.Arbitrary<string | null>,
    rules: fc.record({
      minPerCollege: fc.integer({ min: 1, max: 2 }),
      parity: fc.boolean(),
      majority: fc.constantFrom(...majorities),
    }),
  });

  it('for any attendance, conflicts and votes', () => {
    let recorded = 0;
    fc.assert(
      fc.property(world, (w) => {
        const present = w.members.filter((_, i) => w.presentMask[i]);
        const voterIds = votersFor({ present: present.map((m) => m.userId), conflicted: w.conflicted });
        const voters = present.filter((m) => voterIds.includes(m.userId));
        const verdict = decideJuryOutcome({ ...w, present, voters });
        if (!verdict.ok) return;
        recorded++;
        const ballot = w.outcome === 'certified' ? 'certify' : 'adjourn';
        const inFavour = voters.filter((v) => w.ballots[v.userId] === ballot).length;
        // More than half of the valid voters (conflicted and absent members excluded)…
        expect(inFavour * 2).toBeGreaterThan(voters.length);
        expect(inFavour).toBeGreaterThanOrEqual(
          tallyVotes({ ballots: w.ballots, voters: voterIds, majority: w.rules.majority }).required,
        );
        // …from both colleges, none of them conflicted, and a reason for an adjournment.
        expect(new Set(voters.map((v) => v.college)).size).toBe(2);
        expect(voters.some((v) => w.conflicted.includes(v.userId))).toBe(false);
        if (w.outcome === 'adjourned') expect(w.reason?.trim()).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
    // The property must have met recordable outcomes, not only refusals.
    expect(recorded).toBeGreaterThan(20);
  });

  it('when the voters of both colleges all vote the same way, the outcome is recordable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.constantFrom(...majorities), (n, majority) => {
        const voters = seats(n, n);
        const ballots = Object.fromEntries(voters.map((v) => [v.userId, 'certify' as const]));
        const verdict = decideJuryOutcome({
          outcome: 'certified',
          present: voters,
          voters,
          ballots,
          rules: { minPerCollege: 1, parity: true, majority },
        });
        expect(verdict.ok).toBe(true);
      }),
    );
  });
});
