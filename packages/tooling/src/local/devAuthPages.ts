/**
 * The dev issuer's HTTP side, shaped like Cognito's: discovery, JWKS, a user picker instead of the
 * hosted UI's password form (with the hosted UI's session cookie), the token endpoint (code and
 * refresh grants), revocation, and `/logout` with Cognito's parameters.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findLogin, findTenant, listLogins } from '@socle/data';
import type { Login } from '@socle/data';
import { roleLabels } from '@socle/domain';
import type { Role } from '@socle/domain';
import type { DevIssuer } from './devIssuer.ts';
import { DEV_TOKEN_LIFETIMES, isLocalOrigin } from './devIssuer.ts';

/** The hosted UI's session cookie (Cognito's is `cognito`, on its own domain). */
const SESSION_COOKIE = 'socle_dev_session';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const isLocalRedirect = (uri: string) => {
  try {
    return isLocalOrigin(new URL(uri));
  } catch {
    return false;
  }
};

const send = (
  res: ServerResponse,
  status: number,
  body: string,
  type = 'application/json',
  headers: Record<string, string | string[]> = {},
) => {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
};

const redirect = (res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}) => {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
  res.end();
};

const cookieOf = (req: IncomingMessage, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
};

const sessionCookie = (path: string, value: string, maxAge: number) =>
  `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=${path}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`;

/** Roles in the order of the labels: the national roles first, then the network's. */
const roleOrder = Object.keys(roleLabels) as Role[];
const mainRoleOf = (login: Login): Role =>
  [...login.roles].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b))[0] ?? 'advisor';

/** The demo accounts by network (the platform and the juries first), then by role within each. */
const pickerPage = async (params: URLSearchParams) => {
  const logins = (await listLogins()).filter((l) => l.status === 'active');
  const tenantNames = new Map<string, string>();
  for (const id of new Set(logins.map((l) => l.tenantId).filter((t): t is string => !!t))) {
    tenantNames.set(id, (await findTenant(id))?.name ?? id);
  }
  const national = 'Plateforme nationale et jurys';
  const groups = new Map<string, Login[]>();
  for (const login of logins) {
    const group = login.tenantId ? (tenantNames.get(login.tenantId) ?? '') : national;
    groups.set(group, [...(groups.get(group) ?? []), login]);
  }
  const hidden = [...params]
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const account = (l: Login) =>
    `<li><form method="post">${hidden}<input type="hidden" name="user_id" value="${escapeHtml(l.userId)}">
<button type="submit">${escapeHtml(l.name)}</button> <span>${escapeHtml(l.email)} — ${escapeHtml(
      l.roles.map((r) => roleLabels[r]).join(', '),
    )}</span></form></li>`;
  const byRole = (members: Login[]) =>
    roleOrder
      .map((role) => [role, members.filter((l) => mainRoleOf(l) === role)] as const)
      .filter(([, ofRole]) => ofRole.length > 0)
      .map(
        ([role, ofRole]) =>
          `<h3>${escapeHtml(roleLabels[role])}</h3><ul>${ofRole
            .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.email.localeCompare(b.email))
            .map(account)
            .join('')}</ul>`,
      )
      .join('');
  const sections = [...groups]
    .sort(([a], [b]) => (a === national ? -1 : b === national ? 1 : a.localeCompare(b, 'fr')))
    .map(([group, members]) => `<section><h2>${escapeHtml(group)}</h2>${byRole(members)}</section>`)
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Connexion de démonstration – Socle</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin:1rem 0 .25rem}
ul{list-style:none;padding:0;margin:0}li{margin:.4rem 0}
button{font:inherit;padding:.35rem .8rem;border:1px solid #000091;background:#000091;color:#fff;border-radius:4px;cursor:pointer}
button:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}span{color:#3a3a3a;margin-left:.5rem}</style></head>
<body><main><h1>Connexion de démonstration</h1>
<p>Environnement local : choisissez un compte de démonstration, classé par réseau puis par rôle. En production, la connexion passe par Amazon Cognito.</p>
${sections}</main></body></html>`;
};

/** Cognito's hosted UI answers a refused request with an error page, never a redirect. */
const errorPage = (res: ServerResponse, status: number, message: string) =>
  send(
    res,
    status,
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur – Socle</title></head><body><main><h1>Une erreur est survenue</h1><p>${escapeHtml(message)}</p></main></body></html>`,
    'text/html',
  );

const readForm = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

/** The redirect back to the app with a fresh code (after a pick, or silently within a session). */
const codeRedirect = (issuer: DevIssuer, params: URLSearchParams, userId: string) => {
  const redirectUri = params.get('redirect_uri') ?? '';
  const code = issuer.createCode({
    userId,
    codeChallenge: params.get('code_challenge') ?? '',
    redirectUri,
    clientId: issuer.clientId,
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = params.get('state');
  if (state) target.searchParams.set('state', state);
  return target.toString();
};

const tokenError = (res: ServerResponse, error: string, description?: string) =>
  send(res, 400, JSON.stringify({ error, ...(description ? { error_description: description } : {}) }));

/** `/token`: the authorization code grant (with a refresh token), and the refresh token grant. */
const handleToken = async (issuer: DevIssuer, req: IncomingMessage, res: ServerResponse) => {
  const form = await readForm(req);
  const grantType = form.get('grant_type');
  const clientId = form.get('client_id') ?? '';
  if (clientId !== issuer.clientId) return tokenError(res, 'invalid_client');
  try {
    if (grantType === 'authorization_code') {
      const login = await issuer.redeemCode({
        code: form.get('code') ?? '',
        codeVerifier: form.get('code_verifier') ?? '',
        redirectUri: form.get('redirect_uri') ?? '',
        clientId,
      });
      return send(
        res,
        200,
        JSON.stringify({
          access_token: await issuer.issueAccessToken(login),
          id_token: await issuer.issueIdToken(login),
          refresh_token: issuer.issueRefreshToken(login.userId, clientId),
          token_type: 'Bearer',
          expires_in: DEV_TOKEN_LIFETIMES.accessTokenSeconds,
        }),
      );
    }
    if (grantType === 'refresh_token') {
      const login = await issuer.redeemRefreshToken({
        refreshToken: form.get('refresh_token') ?? '',
        clientId,
      });
      // As Cognito without refresh token rotation: new access and ID tokens, the same refresh token.
      return send(
        res,
        200,
        JSON.stringify({
          access_token: await issuer.issueAccessToken(login),
          id_token: await issuer.issueIdToken(login),
          token_type: 'Bearer',
          expires_in: DEV_TOKEN_LIFETIMES.accessTokenSeconds,
        }),
      );
    }
    return tokenError(res, 'unsupported_grant_type');
  } catch (error) {
    return tokenError(res, 'invalid_grant', (error as Error).message.replace(/^invalid_grant: /, ''));
  }
};

/**
 * `/logout` as Cognito has it: `client_id` always; then either `logout_uri`, one of the app client's
 * sign-out URLs, or `redirect_uri` with the parameters of a new sign-in. OpenID's
 * `post_logout_redirect_uri` is not one of them. A refused request leaves the session as it was.
 */
const handleLogout = (
  issuer: DevIssuer,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  base: string,
) => {
  const params = url.searchParams;
  if (!params.get('client_id')) return errorPage(res, 400, 'Paramètre client_id manquant.');
  if (params.get('client_id') !== issuer.clientId) return errorPage(res, 400, 'Client inconnu.');
  const logoutUri = params.get('logout_uri');
  const redirectUri = params.get('redirect_uri');
  let target: string;
  if (logoutUri) {
    if (!issuer.isLogoutUri(logoutUri)) {
      return errorPage(res, 400, "logout_uri n'est pas une URL de déconnexion enregistrée pour ce client.");
    }
    target = logoutUri;
  } else if (redirectUri && params.get('response_type') === 'code' && isLocalRedirect(redirectUri)) {
    const authorize = new URL(`${issuer.issuer}/authorize`);
    for (const [key, value] of params) authorize.searchParams.set(key, value);
    target = authorize.toString();
  } else {
    return errorPage(res, 400, 'Paramètre logout_uri (ou redirect_uri et response_type) manquant.');
  }
  issuer.endSession(cookieOf(req, SESSION_COOKIE));
  return redirect(res, target, { 'set-cookie': sessionCookie(base, '', 0) });
};

/** Handles `/dev-auth/*`; returns false when the path is not the dev issuer's. */
const handleDevAuth = async (
  issuer: DevIssuer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> => {
  const url = new URL(req.url ?? '/', issuer.issuer);
  const base = new URL(issuer.issuer).pathname;
  if (!url.pathname.startsWith(base)) return false;
  const path = url.pathname.slice(base.length);
  if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
    // Cognito's document names its domain's /logout and /oauth2/revoke too.
    send(
      res,
      200,
      JSON.stringify({
        issuer: issuer.issuer,
        authorization_endpoint: `${issuer.issuer}/authorize`,
        token_endpoint: `${issuer.issuer}/token`,
        jwks_uri: `${issuer.issuer}/.well-known/jwks.json`,
        end_session_endpoint: `${issuer.issuer}/logout`,
        revocation_endpoint: `${issuer.issuer}/revoke`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['ES256'],
        subject_types_supported: ['public'],
        scopes_supported: ['openid', 'email', 'profile'],
        token_endpoint_auth_methods_supported: ['none'],
      }),
    );
    return true;
  }
  if (req.method === 'GET' && (path === '/.well-known/jwks.json' || path === '/jwks.json')) {
    send(res, 200, JSON.stringify(issuer.jwks));
    return true;
  }
  if (path === '/authorize') {
    const params = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (
      params.get('client_id') !== issuer.clientId ||
      params.get('response_type') !== 'code' ||
      params.get('code_challenge_method') !== 'S256' ||
      !params.get('code_challenge') ||
      !isLocalRedirect(redirectUri)
    ) {
      send(
        res,
        400,
        'Requête d’autorisation invalide (client_id, response_type=code, PKCE S256, redirect_uri local).',
        'text/plain',
      );
      return true;
    }
    if (req.method === 'GET') {
      // Within the hosted UI's session, Cognito signs the user in again without asking.
      const userId = issuer.sessionUser(cookieOf(req, SESSION_COOKIE));
      if (userId) redirect(res, codeRedirect(issuer, params, userId));
      else send(res, 200, await pickerPage(params), 'text/html');
      return true;
    }
    const userId = params.get('user_id') ?? '';
    // As a wrong password on the hosted UI: no session, no code.
    if ((await findLogin(userId))?.status !== 'active') {
      errorPage(res, 400, 'Compte inconnu ou désactivé.');
      return true;
    }
    redirect(res, codeRedirect(issuer, params, userId), {
      'set-cookie': sessionCookie(base, issuer.openSession(userId), 3600),
    });
    return true;
  }
  if (req.method === 'POST' && path === '/token') {
    await handleToken(issuer, req, res);
    return true;
  }
  if (req.method === 'POST' && path === '/revoke') {
    const form = await readForm(req);
    const token = form.get('token');
    if (!token) tokenError(res, 'invalid_request');
    else if (form.get('client_id') !== issuer.clientId) tokenError(res, 'invalid_client');
    else {
      issuer.revokeRefreshToken(token, issuer.clientId);
      send(res, 200, '');
    }
    return true;
  }
  if (req.method === 'GET' && path === '/logout') {
    handleLogout(issuer, req, res, url, base);
    return true;
  }
  send(res, 404, JSON.stringify({ error: 'not_found' }));
  return true;
};

export { SESSION_COOKIE, handleDevAuth };
