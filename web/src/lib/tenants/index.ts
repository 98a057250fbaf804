export { default as TenantFields } from './TenantFields.svelte';
export type { TenantValues } from './values';
export { emptyTenant, habilitationPeriod, tenantFrom, tenantInput, tenantLabels } from './values';
