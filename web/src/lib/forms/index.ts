export type { FieldIssue, FormStateOptions } from './formState.svelte';
export { FormState } from './formState.svelte';
export { blankToNull, blankToUndefined } from './values';
