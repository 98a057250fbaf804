export { default as MemberFields } from './MemberFields.svelte';
export type { VoteChoice } from './labels';
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
} from './labels';
export type { LinkValues, MemberValues } from './values';
export { emptyLink, emptyMember, memberFrom, memberInput, memberLabels } from './values';
