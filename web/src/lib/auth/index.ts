export { completeLogin, loginPath, logout, renewSession, safeReturnTo, startLogin } from './oidc';
export { session } from './session.svelte';
