/** The dev issuer's HTTP side: discovery, JWKS, a user picker instead of a password form, token. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findTenant, listLogins } from '@socle/data';
import type { Login } from '@socle/data';
import { roleLabels } from '@socle/domain';
import type { DevIssuer } from './devIssuer.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const isLocalRedirect = (uri: string) => {
  try {
    const { hostname, protocol } = new URL(uri);
    return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1');
  } catch {
    return false;
  }
};

const send = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
};

const pickerPage = async (params: URLSearchParams) => {
  const logins = (await listLogins()).filter((l) => l.status === 'active');
  const tenantNames = new Map<string, string>();
  for (const id of new Set(logins.map((l) => l.tenantId).filter((t): t is string => !!t))) {
    tenantNames.set(id, (await findTenant(id))?.name ?? id);
  }
  const groups = new Map<string, Login[]>();
  for (const login of logins) {
    const group = login.tenantId ? (tenantNames.get(login.tenantId) ?? '') : 'Plateforme et jurys';
    groups.set(group, [...(groups.get(group) ?? []), login]);
  }
  const hidden = [...params]
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const sections = [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(
      ([group, members]) =>
        `<section><h2>${escapeHtml(group)}</h2><ul>${members
          .sort((a, b) => a.email.localeCompare(b.email))
          .map(
            (
              l,
            ) => `<li><form method="post">${hidden}<input type="hidden" name="user_id" value="${escapeHtml(l.userId)}">
<button type="submit">${escapeHtml(l.name)}</button> <span>${escapeHtml(l.email)} — ${escapeHtml(
              l.roles.map((r) => roleLabels[r]).join(', '),
            )}</span></form></li>`,
          )
          .join('')}</ul></section>`,
    )
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Connexion de démonstration – Socle</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.5rem}ul{list-style:none;padding:0}li{margin:.4rem 0}
button{font:inherit;padding:.35rem .8rem;border:1px solid #000091;background:#000091;color:#fff;border-radius:4px;cursor:pointer}
button:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}span{color:#3a3a3a;margin-left:.5rem}</style></head>
<body><main><h1>Connexion de démonstration</h1>
<p>Environnement local : choisissez un compte de démonstration. En production, la connexion passe par Amazon Cognito.</p>
${sections}</main></body></html>`;
};

const readForm = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
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
    send(
      res,
      200,
      JSON.stringify({
        issuer: issuer.issuer,
        authorization_endpoint: `${issuer.issuer}/authorize`,
        token_endpoint: `${issuer.issuer}/token`,
        jwks_uri: `${issuer.issuer}/jwks.json`,
        end_session_endpoint: `${issuer.issuer}/logout`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['ES256'],
        subject_types_supported: ['public'],
        scopes_supported: ['openid', 'email', 'profile'],
        token_endpoint_auth_methods_supported: ['none'],
      }),
    );
    return true;
  }
  if (req.method === 'GET' && path === '/jwks.json') {
    send(res, 200, JSON.stringify(issuer.jwks));
    return true;
  }
  if (path === '/authorize') {
    const params = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    const challenge = params.get('code_challenge') ?? '';
    if (
      params.get('client_id') !== issuer.clientId ||
      params.get('response_type') !== 'code' ||
      params.get('code_challenge_method') !== 'S256' ||
      !challenge ||
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
      send(res, 200, await pickerPage(params), 'text/html');
      return true;
    }
    const code = issuer.createCode({
      userId: params.get('user_id') ?? '',
      codeChallenge: challenge,
      redirectUri,
      clientId: issuer.clientId,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = params.get('state');
    if (state) target.searchParams.set('state', state);
    target.searchParams.set('iss', issuer.issuer);
    res.writeHead(302, { location: target.toString() });
    res.end();
    return true;
  }
  if (req.method === 'POST' && path === '/token') {
    const form = await readForm(req);
    try {
      if (form.get('grant_type') !== 'authorization_code') throw new Error('unsupported_grant_type');
      const login = await issuer.redeemCode({
        code: form.get('code') ?? '',
        codeVerifier: form.get('code_verifier') ?? '',
        redirectUri: form.get('redirect_uri') ?? '',
        clientId: form.get('client_id') ?? '',
      });
      send(
        res,
        200,
        JSON.stringify({
          access_token: await issuer.issueAccessToken(login),
          id_token: await issuer.issueIdToken(login),
          token_type: 'Bearer',
          expires_in: 8 * 3600,
        }),
      );
    } catch (error) {
      send(res, 400, JSON.stringify({ error: 'invalid_grant', error_description: (error as Error).message }));
    }
    return true;
  }
  if (req.method === 'GET' && path === '/logout') {
    const target = url.searchParams.get('post_logout_redirect_uri') ?? url.searchParams.get('logout_uri');
    res.writeHead(302, { location: target && isLocalRedirect(target) ? target : '/' });
    res.end();
    return true;
  }
  send(res, 404, JSON.stringify({ error: 'not_found' }));
  return true;
};

export { handleDevAuth };
