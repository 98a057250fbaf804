/**
 * Members' terms (SPEC §4): a member is convened, present or votes only if their term covers the
 * session's date, and a session convenes both colleges.
 */
import type { College } from '../jury.ts';
import { ofName } from '../labels.ts';
import { allow, firstRefusal, refuse } from '../rules/verdict.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { JuryRuleCode } from './codes.ts';
import { frenchDay } from './scheduling.ts';

/** What the term rules read of a jury member. */
interface Juror {
  userId: string;
  firstName: string;
  lastName: string;
  role: 'jury_secretary' | 'jury_member';
  college?: College | null;
  active: boolean;
  termFrom: string;
  termTo?: string | null;
}

/** Whether the term (`termTo` absent: open-ended) covers the ISO day. */
const termCovers = (juror: Pick<Juror, 'termFrom' | 'termTo'>, date: string): boolean =>
  juror.termFrom <= date && (!juror.termTo || date <= juror.termTo);

/** One juror's term on the session's day; `field` names the input that brought them. */
const termVerdict = (juror: Juror, date: string, field?: string): Verdict<JuryRuleCode> =>
  termCovers(juror, date)
    ? allow()
    : refuse(
        'term_not_covering',
        `le mandat ${ofName(`${juror.firstName} ${juror.lastName}`)} ne couvre pas le ${frenchDay(date)}`,
        field,
      );

/**
 * The members a secretary convenes to a session on `date`: each an active member of the region's
 * jury whose term covers the date, and both colleges among them.
 */
const canConvene = (options: {
  memberIds: readonly string[];
  jurors: readonly Juror[];
  date: string;
}): Verdict<JuryRuleCode> => {
  const byId = new Map(options.jurors.map((j) => [j.userId, j]));
  const each = options.memberIds.map((id, i) => {
    const juror = byId.get(id);
    if (juror?.role !== 'jury_member' || !juror.active) {
      return refuse<JuryRuleCode>(
        'member_not_convenable',
        'membre inconnu ou inactif dans le jury de cette région',
        `memberIds.${i}`,
      );
    }
    return termVerdict(juror, options.date, `memberIds.${i}`);
  });
  const colleges = new Set(options.memberIds.map((id) => byId.get(id)?.college));
  return firstRefusal(
    ...each,
    colleges.has('employer') && colleges.has('employee')
      ? allow()
      : refuse('colleges_missing', 'convoquez au moins un membre de chaque collège', 'memberIds'),
  );
};

export type { Juror };
export { canConvene, termCovers, termVerdict };
