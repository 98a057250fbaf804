/**
 * OpenID Connect, authorization code flow with PKCE: the one sign-in path, whether the issuer is the
 * local dev issuer (a list of demo users) or Cognito (its hosted UI).
 */
import * as oauth from 'oauth4webapi';
import { getConfig } from '$lib/config';
import { safeReturnTo } from './returnTo';
import { signInScope } from './totp';
import { session } from './session.svelte';

interface PendingLogin {
  codeVerifier: string;
  state: string;
  returnTo: string;
}

const PENDING_KEY = 'socle.login';
const CALLBACK_PATH = '/auth/callback';
/**
 * Where the issuer sends the browser after sign-out: one of the app client's registered sign-out
 * URLs (`logoutUrls` of infra/lib/constructs/WebClient.ts). Cognito refuses any other.
 */
const LOGOUT_PATH = '/';

/** Plain http is only tolerated for an issuer on this machine (the local dev issuer). */
const isLocal = (url: URL) => ['localhost', '127.0.0.1'].includes(url.hostname);

const httpOptions = (issuer: URL) => (isLocal(issuer) ? { [oauth.allowInsecureRequests]: true } : {});

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
  const { as, client, issuer } = await discover();
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
    scope: signInScope(issuer.href),
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

/**
 * Renews the session with the refresh token, without leaving the page; false when it cannot (no
 * refresh token, expired or revoked, issuer unreachable): the caller sends the user to sign in.
 */
const renewSession = async (): Promise<boolean> => {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return false;
  try {
    const { as, client, issuer } = await discover();
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      refreshToken,
      httpOptions(issuer),
    );
    session.save(await oauth.processRefreshTokenResponse(as, client, response));
    return true;
  } catch {
    return false;
  }
};

/** One renewal at a time: the layout's timer and a load function may both ask. */
let renewing: Promise<boolean> | undefined;
const renewOnce = (): Promise<boolean> => {
  renewing ??= renewSession().finally(() => {
    renewing = undefined;
  });
  return renewing;
};

/**
 * Signs out for real: clears the tab's tokens, revokes the refresh token, then ends the issuer's
 * own session. Cognito's hosted UI keeps a session cookie of its own: without its `/logout`, the
 * next "Se connecter" on a shared computer signs the previous user in without a password. Cognito's
 * `/logout` is not OpenID's RP-initiated logout: it wants `client_id` and a registered
 * `logout_uri`, and ignores `post_logout_redirect_uri`.
 */
const logout = async (): Promise<void> => {
  const refreshToken = session.refreshToken;
  session.clear();
  const afterLogout = new URL(LOGOUT_PATH, window.location.origin).href;
  try {
    const { as, client, issuer } = await discover();
    if (refreshToken && as.revocation_endpoint) {
      await oauth
        .revocationRequest(as, client, oauth.None(), refreshToken, httpOptions(issuer))
        .then(oauth.processRevocationResponse)
        .catch(() => undefined);
    }
    const { auth } = await getConfig();
    const endpoint = as.end_session_endpoint ?? auth.logoutEndpoint;
    if (endpoint) {
      const url = new URL(endpoint);
      url.searchParams.set('client_id', client.client_id);
      url.searchParams.set('logout_uri', afterLogout);
      window.location.assign(url.href);
      return;
    }
  } catch {
    // The issuer cannot be reached: the tab's session is cleared, the issuer's may survive.
  }
  window.location.assign(new URL('/connexion', window.location.origin).href);
};

/** The sign-in page URL that brings the user back to `returnTo`. */
const loginPath = (returnTo?: string): string =>
  returnTo && returnTo !== '/' ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion';

export { completeLogin, loginPath, logout, renewOnce as renewSession, safeReturnTo, startLogin };
