export { default as OrganismFields } from './OrganismFields.svelte';
export type { OrganismValues } from './values';
export { emptyOrganism, organismFrom, organismInput, organismLabels, regionName } from './values';
