/**
 * The local login: authorization code + PKCE against the dev issuer, then the local server verifies
 * tokens as API Gateway's JWT authorizer would (signature, issuer, audience, expiry).
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

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const authorize = async (userId: string, challenge: string) => {
  const form = new URLSearchParams({
    client_id: 'socle-web',
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'xyz',
    user_id: userId,
  });
  const response = await fetch(`${api.url}/dev-auth/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  return new URL(response.headers.get('location') ?? '');
};

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

describe('Dev issuer', () => {
  it('publishes discovery and keys', async () => {
    const discovery = (await (
      await fetch(`${api.url}/dev-auth/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string;
      jwks_uri: string;
      code_challenge_methods_supported: string[];
    };
    expect(discovery.issuer).toBe(`${api.url}/dev-auth`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256' });
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('shows the demo users instead of a password form', async () => {
    const params = new URLSearchParams({
      client_id: 'socle-web',
      response_type: 'code',
      redirect_uri: redirectUri,
      code_challenge: 'abc',
      code_challenge_method: 'S256',
    });
    const html = await (await fetch(`${api.url}/dev-auth/authorize?${params}`)).text();
    expect(html).toContain('Connexion de démonstration');
    expect(html).toContain('Réseau A');
  });

  it('exchanges a code with the right PKCE verifier for tokens the API accepts', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const location = await authorize(world.a.userIds.advisor, challenge);
    expect(location.searchParams.get('state')).toBe('xyz');
    const response = await exchange(location.searchParams.get('code') ?? '', verifier);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { access_token: string };
    const me = await api.call('GET', '/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: world.a.userIds.advisor, roles: ['advisor'] });
  });

  it('refuses a wrong PKCE verifier and a code used twice', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const location = await authorize(world.a.userIds.advisor, challenge);
    const code = location.searchParams.get('code') ?? '';
    expect((await exchange(code, 'not-the-verifier')).status).toBe(400);
    expect((await exchange(code, verifier)).status).toBe(400);
  });

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

    const { createDevIssuer } = await import('@socle/functions/local/devIssuer');
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
