/**
 * The local login against the dev issuer, which must behave as Cognito does where the web app
 * depends on it (documented behaviour, Amazon Cognito Developer Guide: "The managed login sign-out
 * endpoint: /logout", "The token issuer endpoint" (/oauth2/token, refresh_token grant), "Understanding
 * the access token" / "the ID token"): authorization code + PKCE, tokens and their claims and
 * lifetimes, the refresh grant, revocation, the hosted UI's session and /logout. Then the local
 * server verifies tokens as API Gateway's JWT authorizer would (signature, issuer, audience, expiry).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
const redirectUri = 'http://127.0.0.1:5173/auth/callback';
/** The web app's registered sign-out URL (WebClient's `logoutUrls`: the site's root). */
const logoutUri = 'http://127.0.0.1:5173/';

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const authorizeParams = (challenge: string) => ({
  client_id: 'socle-web',
  response_type: 'code',
  redirect_uri: redirectUri,
  code_challenge: challenge,
  code_challenge_method: 'S256',
  state: 'xyz',
});

/** Picks a user on the sign-in page: the code's redirect, and the hosted UI's session cookie. */
const signIn = async (userId: string, challenge: string) => {
  const response = await fetch(`${api.url}/dev-auth/authorize`, {
    method: 'POST',
    body: new URLSearchParams({ ...authorizeParams(challenge), user_id: userId }),
    redirect: 'manual',
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { location: new URL(response.headers.get('location') ?? ''), cookie };
};

const authorize = async (userId: string, challenge: string) => (await signIn(userId, challenge)).location;

/** Opens the sign-in page as a browser would, with the session cookie when given. */
const openSignIn = (challenge: string, cookie?: string) =>
  fetch(`${api.url}/dev-auth/authorize?${new URLSearchParams(authorizeParams(challenge))}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });

const exchange = (code: string, verifier: string) =>
  fetch(`${api.url}/dev-auth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      client_id: 'socle-web',
    }),
  });

const refresh = (refreshToken: string, clientId = 'socle-web') =>
  fetch(`${api.url}/dev-auth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
    }),
  });

interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
}

/** Signs a user in through the whole code flow. */
const tokensOf = async (userId: string): Promise<Tokens> => {
  const { verifier, challenge } = pkce();
  const location = await authorize(userId, challenge);
  return (await (await exchange(location.searchParams.get('code') ?? '', verifier)).json()) as Tokens;
};

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

const logout = (params: Record<string, string>, cookie?: string) =>
  fetch(`${api.url}/dev-auth/logout?${new URLSearchParams(params)}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });

describe('Dev issuer: discovery and sign-in', () => {
  it('publishes discovery, with the sign-out and revocation endpoints, and keys', async () => {
    const discovery = (await (
      await fetch(`${api.url}/dev-auth/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown> & { jwks_uri: string };
    expect(discovery).toMatchObject({
      issuer: `${api.url}/dev-auth`,
      authorization_endpoint: `${api.url}/dev-auth/authorize`,
      token_endpoint: `${api.url}/dev-auth/token`,
      // Cognito's keys are under the issuer, at /.well-known/jwks.json.
      jwks_uri: `${api.url}/dev-auth/.well-known/jwks.json`,
      // Cognito publishes its domain's /logout here, though it is not OpenID's RP-initiated logout.
      end_session_endpoint: `${api.url}/dev-auth/logout`,
      revocation_endpoint: `${api.url}/dev-auth/revoke`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256' });
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('shows the demo users by network, then by role, instead of a password form', async () => {
    const html = await (await openSignIn('abc')).text();
    expect(html).toContain('Connexion de démonstration');
    const headings = [...html.matchAll(/<h([23])>([^<]+)<\/h\1>/g)].map(
      ([, level, text]) => `${level}:${text}`,
    );
    expect(headings[0]).toBe('2:Plateforme nationale et jurys');
    expect(headings).toContain('2:Réseau A');
    const networkA = headings.slice(headings.indexOf('2:Réseau A') + 1);
    const nextNetwork = networkA.findIndex((h) => h.startsWith('2:'));
    const rolesOfA = (nextNetwork === -1 ? networkA : networkA.slice(0, nextNetwork)).map((h) => h.slice(2));
    expect(rolesOfA).toEqual(expect.arrayContaining(['Administration du réseau', 'Conseiller']));
    expect(new Set(rolesOfA).size).toBe(rolesOfA.length);
  });

  it('exchanges a code with the right PKCE verifier for tokens the API accepts, and a refresh token', async () => {
    const { verifier, challenge } = pkce();
    const location = await authorize(world.a.userIds.advisor, challenge);
    expect(location.searchParams.get('state')).toBe('xyz');
    const response = await exchange(location.searchParams.get('code') ?? '', verifier);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Tokens;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const me = await api.call('GET', '/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: world.a.userIds.advisor, roles: ['advisor'] });
  });

  it('refuses an unknown account on the sign-in page: no code, no session', async () => {
    const response = await fetch(`${api.url}/dev-auth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ ...authorizeParams(pkce().challenge), user_id: 'nobody' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a wrong PKCE verifier and a code used twice', async () => {
    const { verifier, challenge } = pkce();
    const location = await authorize(world.a.userIds.advisor, challenge);
    const code = location.searchParams.get('code') ?? '';
    expect((await exchange(code, 'not-the-verifier')).status).toBe(400);
    expect((await exchange(code, verifier)).status).toBe(400);
  });
});

describe('Dev issuer: tokens as Cognito issues them', () => {
  it('an access token: token_use access, client_id and no aud, username, scopes, one hour, no email', async () => {
    const access = claimsOf((await tokensOf(world.a.userIds.advisor)).access_token);
    expect(access).toMatchObject({
      token_use: 'access',
      client_id: 'socle-web',
      username: world.a.userIds.advisor,
      scope: expect.stringContaining('openid'),
      iss: `${api.url}/dev-auth`,
      roles: ['advisor'],
      tenant: world.a.tenantId,
    });
    expect(access.aud).toBeUndefined();
    expect(access.email).toBeUndefined();
    expect(Number(access.exp) - Number(access.iat)).toBe(3600);
    expect(access.auth_time).toEqual(expect.any(Number));
    expect(access.jti).toEqual(expect.any(String));
  });

  it('an ID token: token_use id, aud and no client_id, cognito:username, the email, one hour', async () => {
    const id = claimsOf((await tokensOf(world.a.userIds.advisor)).id_token);
    expect(id).toMatchObject({
      token_use: 'id',
      aud: 'socle-web',
      'cognito:username': world.a.userIds.advisor,
      email: expect.stringContaining('@'),
      email_verified: true,
    });
    expect(id.client_id).toBeUndefined();
    expect(Number(id.exp) - Number(id.iat)).toBe(3600);
  });
});

describe('Dev issuer: refresh token grant', () => {
  it('gives new access and ID tokens, without a new refresh token; the API accepts the new access token', async () => {
    const tokens = await tokensOf(world.a.userIds.advisor);
    const response = await refresh(tokens.refresh_token ?? '');
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as Tokens;
    expect(renewed).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(renewed.refresh_token).toBeUndefined();
    expect(claimsOf(renewed.id_token).token_use).toBe('id');
    expect((await api.call('GET', '/me', { token: renewed.access_token })).status).toBe(200);
  });

  it('refuses an unknown refresh token, or one of another client, with invalid_grant / invalid_client', async () => {
    const tokens = await tokensOf(world.a.userIds.advisor);
    const unknown = await refresh('not-a-refresh-token');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_grant' });
    const otherClient = await refresh(tokens.refresh_token ?? '', 'another-client');
    expect(otherClient.status).toBe(400);
    expect(await otherClient.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a revoked refresh token', async () => {
    const tokens = await tokensOf(world.a.userIds.advisor);
    const revoked = await fetch(`${api.url}/dev-auth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.refresh_token ?? '', client_id: 'socle-web' }),
    });
    expect(revoked.status).toBe(200);
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(400);
  });

  it('refuses a refresh token after its 12 hours', async () => {
    const tokens = await tokensOf(world.a.userIds.advisor);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 11.5 * 3600_000);
      expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200);
      vi.setSystemTime(Date.now() + 3600_000);
      expect((await refresh(tokens.refresh_token ?? '')).status).toBe(400);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Dev issuer: the hosted UI session and /logout', () => {
  it("signs the same user in again without asking while its session lasts (Cognito's cookie)", async () => {
    const { cookie } = await signIn(world.a.userIds.advisor, pkce().challenge);
    expect(cookie).toMatch(/^socle_dev_session=.+/);
    const again = await openSignIn(pkce().challenge, cookie);
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('code')).toEqual(expect.any(String));
  });

  it('ends the session on /logout with client_id and a registered logout_uri: the next sign-in asks again', async () => {
    const { cookie } = await signIn(world.a.userIds.advisor, pkce().challenge);
    const response = await logout({ client_id: 'socle-web', logout_uri: logoutUri }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(logoutUri);
    expect(response.headers.get('set-cookie')).toMatch(/^socle_dev_session=;.*Max-Age=0/);
    const next = await openSignIn(pkce().challenge, cookie);
    expect(next.status).toBe(200);
    expect(await next.text()).toContain('Connexion de démonstration');
  });

  it('sends the user to the sign-in page on /logout with redirect_uri and a new sign-in request', async () => {
    const { cookie } = await signIn(world.a.userIds.advisor, pkce().challenge);
    const response = await logout({ ...authorizeParams(pkce().challenge), scope: 'openid' }, cookie);
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location') ?? '');
    expect(target.pathname).toBe('/dev-auth/authorize');
    expect(target.searchParams.get('client_id')).toBe('socle-web');
    expect((await fetch(target, { redirect: 'manual', headers: { cookie } })).status).toBe(200);
  });

  it.each([
    ['without client_id', { logout_uri: logoutUri }],
    ['with another client', { client_id: 'another-client', logout_uri: logoutUri }],
    [
      "with OpenID's post_logout_redirect_uri (not a Cognito parameter)",
      {
        client_id: 'socle-web',
        post_logout_redirect_uri: 'http://127.0.0.1:5173/connexion',
      },
    ],
    [
      'with a logout_uri that is not registered',
      { client_id: 'socle-web', logout_uri: 'http://127.0.0.1:5173/connexion' },
    ],
    ['with a foreign logout_uri', { client_id: 'socle-web', logout_uri: 'https://evil.example/' }],
    ['with client_id only', { client_id: 'socle-web' }],
  ])('refuses /logout %s with an error page, and the session survives', async (_, params) => {
    const { cookie } = await signIn(world.a.userIds.advisor, pkce().challenge);
    const response = await logout(params as Record<string, string>, cookie);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect((await openSignIn(pkce().challenge, cookie)).status).toBe(302);
  });
});

describe('Dev issuer: tokens at the API', () => {
  it('the API refuses a tampered, foreign or malformed token with 401', async () => {
    const token = world.a.tokens.advisor;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['national_admin'] })).toString(
      'base64url',
    );
    expect((await api.call('GET', '/tenants', { token: `${header}.${forged}.${signature}` })).status).toBe(
      401,
    );

    const { createDevIssuer } = await import('@socle/tooling/local/devIssuer');
    const foreign = await createDevIssuer({ issuer: `${api.url}/dev-auth` });
    const foreignToken = await foreign.issueAccessToken({
      userId: ulid(),
      email: 'x@y.fr',
      name: 'X',
      roles: ['national_admin'],
      organisms: [],
      status: 'active',
    });
    expect((await api.call('GET', '/tenants', { token: foreignToken })).status).toBe(401);
    expect((await api.call('GET', '/tenants', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('refuses a token once it has expired, though it was accepted (and remembered) before', async () => {
    const token = world.a.tokens.advisor;
    const { exp = 0 } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect((await api.call('GET', '/dossiers', { token })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(exp * 1000 + 1000);
      expect((await api.call('GET', '/dossiers', { token })).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    expect((await api.call('GET', '/dossiers', { token })).status).toBe(200);
  });
});
