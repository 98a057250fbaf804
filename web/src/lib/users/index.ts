export { default as UserFields } from './UserFields.svelte';
export type { AccreditationValues, UserValues } from './values';
export { emptyAccreditation, emptyUser, userFrom, userInput, userLabels } from './values';
