export { default as CriteriaGroups } from './CriteriaGroups.svelte';
export { default as MasteryBadge } from './MasteryBadge.svelte';
export {
  criterionStatusLabels,
  criterionTones,
  domainMasteryText,
  evaluationKindLabels,
  isCriterionStatus,
  parentCode,
  sequenceModeLabels,
  subdomainMasteryText,
} from './labels';
export type { CriterionLine, DomainGroup, SubdomainGroup } from './groups';
export { groupCriteria } from './groups';
