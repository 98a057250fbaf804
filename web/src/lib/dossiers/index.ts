export { default as ContactFields } from './ContactFields.svelte';
export { default as PathFields } from './PathFields.svelte';
export type { ContactValues, PathValues } from './values';
export {
  contactFrom,
  contactInput,
  contactLabels,
  emptyContact,
  emptyPath,
  pathFrom,
  pathInput,
  pathLabels,
} from './values';
