/**
 * The jury's quorum and majority (SPEC §4: "configurable"), a versioned setting of the national
 * admin. A session applies the setting in force when it opened, so a change never moves the rules
 * under a jury that is deliberating.
 */

const Majority = { ABSOLUTE: 'absolute', TWO_THIRDS: 'two_thirds', UNANIMITY: 'unanimity' } as const;
type Majority = (typeof Majority)[keyof typeof Majority];
const majorities = Object.values(Majority) as [Majority, ...Majority[]];

interface JuryRules {
  /** Members of each college who must be present for the session to deliberate. */
  minPerCollege: number;
  /** Whether the colleges present must be equal in number. */
  parity: boolean;
  /** Votes an outcome needs, out of the candidate's voters. */
  majority: Majority;
}

/** SPEC §4 as written: one member of each college at least, at parity, absolute majority. */
const DEFAULT_JURY_RULES: JuryRules = { minPerCollege: 1, parity: true, majority: Majority.ABSOLUTE };

/**
 * Votes an outcome needs out of `voters`: an absolute majority is more than half of the voters (not
 * of the votes cast: an abstention counts against).
 * @example requiredVotes('absolute', 4) // 3
 */
const requiredVotes = (majority: Majority, voters: number): number => {
  if (majority === Majority.UNANIMITY) return Math.max(voters, 1);
  if (majority === Majority.TWO_THIRDS) return Math.max(Math.ceil((2 * voters) / 3), 1);
  return Math.floor(voters / 2) + 1;
};

export type { JuryRules };
export { DEFAULT_JURY_RULES, Majority, majorities, requiredVotes };
