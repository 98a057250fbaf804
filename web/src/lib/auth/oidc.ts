/**
 * OpenID Connect, authorization code flow with PKCE: the one sign-in path, whether the issuer is the
 * local dev issuer (a list of demo users) or Cognito (its hosted UI).
 */
import * as oauth from 'oauth4webapi';
import { getConfig } from '$lib/config';
import { session } from './session.svelte';

interface PendingLogin {
  codeVerifier: string;
  state: string;
  returnTo: string;
}

const PENDING_KEY = 'socle.login';
const CALLBACK_PATH = '/auth/callback';

/** Plain http is only tolerated for an issuer on this machine (the local dev issuer). */
const isLocal = (url: URL) => ['localhost', '127.0.0.1'].includes(url.hostname);

const httpOptions = (issuer: URL) => (isLocal(issuer) ? { [oauth.allowInsecureRequests]: true } : {});

/** Only same-origin paths are accepted as a destination after sign-in. */
const safeReturnTo = (value: string | null | undefined): string =>
  value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';

let discovered: Promise<{ as: oauth.AuthorizationServer; client: oauth.Client; issuer: URL }> | undefined;

const discover = () => {
  discovered ??= (async () => {
    const { auth } = await getConfig();
    const issuer = new URL(auth.issuer);
    const response = await oauth.discoveryRequest(issuer, httpOptions(issuer));
    const as = await oauth.processDiscoveryResponse(issuer, response);
    return { as, client: { client_id: auth.clientId }, issuer };
  })();
  discovered.catch(() => {
    discovered = undefined;
  });
  return discovered;
};

const redirectUri = () => new URL(CALLBACK_PATH, window.location.origin).href;

/** Sends the browser to the issuer's sign-in page; `returnTo` is where to land afterwards. */
const startLogin = async (returnTo: string): Promise<void> => {
  const { as, client } = await discover();
  if (!as.authorization_endpoint)
    throw new Error("Le fournisseur d'identité n'a pas de point d'autorisation.");
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pending: PendingLogin = { codeVerifier, state, returnTo: safeReturnTo(returnTo) };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));

  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid email profile',
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
};

/** Exchanges the code of the callback URL for tokens; returns the path the user wanted. */
const completeLogin = async (callbackUrl: URL): Promise<string> => {
  const raw = sessionStorage.getItem(PENDING_KEY);
  if (!raw)
    throw new Error('Aucune connexion en cours dans cet onglet. Recommencez depuis la page de connexion.');
  sessionStorage.removeItem(PENDING_KEY);
  const pending = JSON.parse(raw) as PendingLogin;

  const { as, client, issuer } = await discover();
  const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.codeVerifier,
    httpOptions(issuer),
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  session.save(tokens);
  return pending.returnTo;
};

/** Clears the session, then signs out at the issuer when it supports it (else back to /connexion). */
const logout = async (): Promise<void> => {
  const idToken = session.idToken;
  session.clear();
  const afterLogout = new URL('/connexion', window.location.origin).href;
  try {
    const { as, client } = await discover();
    if (as.end_session_endpoint) {
      const url = new URL(as.end_session_endpoint);
      url.searchParams.set('client_id', client.client_id);
      url.searchParams.set('post_logout_redirect_uri', afterLogout);
      if (idToken) url.searchParams.set('id_token_hint', idToken);
      window.location.assign(url.href);
      return;
    }
    const { auth } = await getConfig();
    if (auth.logoutEndpoint) {
      const url = new URL(auth.logoutEndpoint);
      url.searchParams.set('client_id', client.client_id);
      // Must be one of the app client's registered logout URLs (the site's root).
      url.searchParams.set('logout_uri', new URL('/', window.location.origin).href);
      window.location.assign(url.href);
      return;
    }
  } catch {
    // The issuer cannot be reached: the local session is cleared, which is what matters here.
  }
  window.location.assign(afterLogout);
};

/** The sign-in page URL that brings the user back to `returnTo`. */
const loginPath = (returnTo?: string): string =>
  returnTo && returnTo !== '/' ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion';

export { completeLogin, loginPath, logout, safeReturnTo, startLogin };
