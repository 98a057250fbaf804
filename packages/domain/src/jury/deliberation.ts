/**
 * Collegial deliberation (SPEC §4). Per candidate, the voters are the members present when the
 * candidate is examined, minus those conflicted for that candidate; both colleges must be among
 * them; an outcome needs the votes of the majority the settings require, counted over the voters;
 * the secretary records the outcome of the vote, never a decision of their own.
 */
import type { College } from '../jury.ts';
import { countOf } from '../labels.ts';
import { allow, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { JuryRuleCode } from './codes.ts';
import { Majority, requiredVotes } from './settings.ts';
import type { JuryRules } from './settings.ts';
import type { Juror } from './terms.ts';
import { termCovers } from './terms.ts';

type Ballot = 'certify' | 'adjourn';
type Outcome = 'certified' | 'adjourned';

const ballotOf: Record<Outcome, Ballot> = { certified: 'certify', adjourned: 'adjourn' };

/** A member as deliberation sees them: who, and which college. */
interface Seat {
  userId: string;
  college?: College | null;
}

/** Present members minus the conflicted ones, in the order of `present`. */
const votersFor = (options: { present: readonly string[]; conflicted: Iterable<string> }): string[] => {
  const conflicted = new Set(options.conflicted);
  return options.present.filter((id) => !conflicted.has(id));
};

const collegeCounts = (seats: readonly Seat[]) => ({
  employer: seats.filter((s) => s.college === 'employer').length,
  employee: seats.filter((s) => s.college === 'employee').length,
});

/** Whether the members present may deliberate: `minPerCollege` of each college, at parity if required. */
const quorumVerdict = (present: readonly Seat[], rules: JuryRules): Verdict<JuryRuleCode> => {
  const { employer, employee } = collegeCounts(present);
  if (employer < rules.minPerCollege || employee < rules.minPerCollege) {
    return refuse(
      'no_quorum',
      `la session ne peut pas délibérer : il faut au moins ${countOf(rules.minPerCollege, 'membre présent', 'membres présents')} de chaque collège (employeurs : ${employer}, salariés : ${employee})`,
    );
  }
  if (rules.parity && employer !== employee) {
    return refuse(
      'no_quorum',
      `la session ne peut pas délibérer : les collèges présents doivent être à parité (employeurs : ${employer}, salariés : ${employee})`,
    );
  }
  return allow();
};

/** The candidate's voters include both colleges. */
const votersVerdict = (voters: readonly Seat[]): Verdict<JuryRuleCode> => {
  const { employer, employee } = collegeCounts(voters);
  return employer > 0 && employee > 0
    ? allow()
    : refuse(
        'voters_missing_college',
        `les votants pour ce candidat (présents non concernés par un lien) doivent compter les deux collèges (employeurs : ${employer}, salariés : ${employee})`,
      );
};

/** A member's vote on a candidate: present at the candidate's examination, not conflicted, term covering the day. */
const canVote = (options: {
  memberId: string;
  present: readonly string[];
  conflicted: Iterable<string>;
  juror: Pick<Juror, 'termFrom' | 'termTo'> | undefined;
  date: string;
  decided: boolean;
}): Verdict<JuryRuleCode> => {
  if (options.decided) return refuse('decided', 'la décision est déjà prise');
  if (!options.present.includes(options.memberId) || !options.juror) {
    return refuse('not_present', 'seuls les membres présents à l’examen de ce candidat votent');
  }
  if (new Set(options.conflicted).has(options.memberId)) {
    return refuse('conflicted', 'vous avez un lien avec ce candidat ou son organisme : vous ne votez pas');
  }
  return termCovers(options.juror, options.date)
    ? allow()
    : refuse('term_not_covering', 'votre mandat ne couvre pas la date de la session');
};

/** The tally over the voters only: a ballot of anyone else (conflicted, absent) does not count. */
interface Tally {
  certify: number;
  adjourn: number;
  voters: number;
  /** Votes an outcome needs. */
  required: number;
}

const tallyVotes = (options: {
  ballots: Readonly<Record<string, Ballot>>;
  voters: readonly string[];
  majority: JuryRules['majority'];
}): Tally => {
  const counted = options.voters.map((id) => options.ballots[id]);
  return {
    certify: counted.filter((b) => b === 'certify').length,
    adjourn: counted.filter((b) => b === 'adjourn').length,
    voters: options.voters.length,
    required: requiredVotes(options.majority, options.voters.length),
  };
};

const majorityWords: Record<JuryRules['majority'], string> = {
  [Majority.ABSOLUTE]: 'la majorité absolue',
  [Majority.TWO_THIRDS]: 'les deux tiers',
  [Majority.UNANIMITY]: 'l’unanimité',
};

/**
 * Whether the secretary may record `outcome` for a candidate: the session may deliberate (quorum of
 * the members present), both colleges are among the voters, an adjournment has a reason, and the
 * outcome has the votes the majority requires among the voters. Anything else is not a decision
 * the jury took.
 */
const decideJuryOutcome = (options: {
  outcome: Outcome;
  reason?: string | null;
  present: readonly Seat[];
  voters: readonly Seat[];
  ballots: Readonly<Record<string, Ballot>>;
  rules: JuryRules;
}): Verdict<JuryRuleCode> => {
  const quorum = quorumVerdict(options.present, options.rules);
  if (!quorum.ok) return quorum;
  const voters = votersVerdict(options.voters);
  if (!voters.ok) return voters;
  if (options.outcome === 'adjourned' && !options.reason?.trim()) {
    return refuse('reason_required', 'le motif de l’ajournement est obligatoire', 'reason');
  }
  const tally = tallyVotes({
    ballots: options.ballots,
    voters: options.voters.map((v) => v.userId),
    majority: options.rules.majority,
  });
  const got = tally[ballotOf[options.outcome]];
  return got >= tally.required
    ? allow()
    : refuse(
        'no_majority',
        `${options.outcome === 'certified' ? 'certifier' : 'ajourner'} demande ${majorityWords[options.rules.majority]} des ${tally.voters} votants, soit ${tally.required} voix ; ${got} voix pour cette issue (certifier : ${tally.certify}, ajourner : ${tally.adjourn})`,
      );
};

export type { Ballot, Outcome, Seat, Tally };
export { canVote, decideJuryOutcome, quorumVerdict, tallyVotes, votersFor, votersVerdict };
