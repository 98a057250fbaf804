/** French wording of the juries: colleges, roles, votes, regions, session dates and the quorum. */
import { checkQuorum, regions } from '@socle/domain';
import type { College, JuryMember, JuryRules, JurySession, Majority, QuorumCheck } from '@socle/domain';
import { formatLongDate } from '$lib/format';

const collegeLabels: Record<College, string> = { employer: 'Employeurs', employee: 'Salariés' };

/** One member's college, as read in a table cell or next to a name. */
const collegeOf = (m: Pick<JuryMember, 'college'>): string =>
  m.college ? `Collège ${collegeLabels[m.college].toLowerCase()}` : '–';

const juryRoleLabels: Record<JuryMember['role'], string> = {
  jury_secretary: 'Secrétaire',
  jury_member: 'Membre',
};

type VoteChoice = 'certify' | 'adjourn';

const voteLabels: Record<VoteChoice, string> = {
  certify: 'Favorable à la certification',
  adjourn: "Favorable à l'ajournement",
};

const DAY = 86_400_000;

/** `11` → `Île-de-France`. */
const regionName = (code: string | undefined): string =>
  regions.find((r) => r.code === code)?.name ?? code ?? 'Région inconnue';

const memberName = (m: Pick<JuryMember, 'firstName' | 'lastName'>): string => `${m.firstName} ${m.lastName}`;

/** `09:30` → `9 h 30` (with non-breaking spaces, as French typography wants). */
const formatClock = (time: string): string => {
  const [h = '0', m = '00'] = time.split(':');
  return `${Number(h)}\u00a0h\u00a0${m}`;
};

/** `15 décembre 2026 à 9 h 30`. */
const sessionWhen = (s: Pick<JurySession, 'date' | 'startTime'>): string =>
  `${formatLongDate(s.date)} à ${formatClock(s.startTime)}`;

/** Where the session takes place: the place, the video link, or both. */
const sessionWhere = (s: Pick<JurySession, 'place' | 'videoLink'>): string =>
  [s.place, s.videoLink ? 'en visioconférence' : undefined].filter(Boolean).join(', ') || 'Lieu à préciser';

/** Whole days since a timestamp (0 on the day itself). */
const daysSince = (iso: string, now: Date = new Date()): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY));

/** `en attente depuis 12 jours`. */
const waitingSince = (iso: string, now?: Date): string => {
  const days = daysSince(iso, now);
  if (days === 0) return "en attente depuis aujourd'hui";
  return `en attente depuis ${days} jour${days > 1 ? 's' : ''}`;
};

/** `1` → `1re présentation`, `2` → `2e présentation`. */
const presentationLabel = (n: number): string => `${n}${n === 1 ? 're' : 'e'} présentation`;

/** Employers and employees among the given members. */
const collegeCounts = (members: readonly Pick<JuryMember, 'college'>[]) => ({
  employer: members.filter((m) => m.college === 'employer').length,
  employee: members.filter((m) => m.college === 'employee').length,
});

/** Whether the members present among `members` may deliberate (paritary quorum of the domain). */
const quorumOf = (members: readonly JuryMember[], presentIds: readonly string[]): QuorumCheck =>
  checkQuorum(
    members.filter((m) => presentIds.includes(m.userId)).map((m) => ({ college: m.college ?? 'employer' })),
  );

const majorityWords: Record<Majority, string> = {
  absolute: 'majorité absolue des votants',
  two_thirds: 'deux tiers des votants',
  unanimity: 'unanimité des votants',
};

/** The national admin's rules in one sentence: "1 membre par collège au moins, à parité ; majorité absolue des votants". */
const rulesText = (rules: Pick<JuryRules, 'minPerCollege' | 'parity' | 'majority'>): string =>
  `${rules.minPerCollege} membre${rules.minPerCollege > 1 ? 's' : ''} présent${rules.minPerCollege > 1 ? 's' : ''} par collège au moins${rules.parity ? ', à parité' : ''} ; décision à la ${majorityWords[rules.majority]}`;

/** The quorum as one sentence for the meeting room. */
const quorumText = (check: QuorumCheck): string =>
  check.ok ? 'Le jury peut délibérer.' : `Le jury ne peut pas encore délibérer : ${check.reason}.`;

export type { VoteChoice };
export {
  collegeCounts,
  collegeLabels,
  collegeOf,
  daysSince,
  formatClock,
  juryRoleLabels,
  memberName,
  presentationLabel,
  quorumOf,
  quorumText,
  regionName,
  rulesText,
  sessionWhen,
  sessionWhere,
  voteLabels,
  waitingSince,
};
