export { completeLogin, loginPath, logout, safeReturnTo, startLogin } from './oidc';
export { session } from './session.svelte';
