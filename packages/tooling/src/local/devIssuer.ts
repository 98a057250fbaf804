/**
 * The local stand-in for Cognito: an OpenID provider that signs tokens with the same claims as
 * Cognito and its trigger (read from the login items), with authorization code + PKCE, so the web
 * app uses one login code path. It behaves as Cognito does where the web app depends on it, quirks
 * included (test/integration/devIssuer.test.ts): tokens of the app client's lifetimes (access and ID
 * 1 h, refresh 12 h, infra/lib/constructs/WebClient.ts), an access token without `aud` and an ID
 * token without `client_id`, a refresh grant that returns no new refresh token, a sign-in session
 * of its own (the hosted UI's cookie: a second sign-in needs no password), and a `/logout` that
 * wants `client_id` and a registered `logout_uri`. Its keys are generated at first start and kept
 * under `.local/`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { claimsOf, findLogin } from '@socle/data';
import type { Login } from '@socle/data';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { JWK, JWTPayload, CryptoKey as JoseKey } from 'jose';

const DEV_CLIENT_ID = 'socle-web';
/** As the app client sets them in AWS (infra/lib/constructs/WebClient.ts; an infra test compares). */
const DEV_TOKEN_LIFETIMES = {
  accessTokenSeconds: 3600,
  idTokenSeconds: 3600,
  refreshTokenSeconds: 12 * 3600,
} as const;
/** The hosted UI's session (Cognito keeps it for an hour after a sign-in). */
const SIGN_IN_SESSION_SECONDS = 3600;
/** The only path of a site the dev issuer accepts as `logout_uri` (WebClient's `logoutUrls`). */
const LOGOUT_PATH = '/';
const ALG = 'ES256';

interface DevIssuer {
  issuer: string;
  clientId: string;
  jwks: { keys: JWK[] };
  /** Signs an access token carrying the login's claims (as the Cognito trigger would). */
  issueAccessToken(login: Login): Promise<string>;
  issueIdToken(login: Login): Promise<string>;
  /** An opaque refresh token for the login, valid 12 h unless revoked. */
  issueRefreshToken(userId: string, clientId: string): string;
  /** The active login of a refresh token; throws `invalid_grant` otherwise (as Cognito answers). */
  redeemRefreshToken(request: { refreshToken: string; clientId: string }): Promise<Login>;
  /** Revokes a refresh token (Cognito's `/oauth2/revoke`); unknown tokens are ignored. */
  revokeRefreshToken(refreshToken: string, clientId: string): void;
  /** The hosted UI's sign-in session: opened when a user signs in, ended by `/logout`. */
  openSession(userId: string): string;
  sessionUser(sessionId: string | undefined): string | undefined;
  endSession(sessionId: string | undefined): void;
  /** Whether `uri` is one of the app client's sign-out URLs (a local site's root here). */
  isLogoutUri(uri: string): boolean;
  /** Verifies like API Gateway's JWT authorizer: signature, issuer, audience/client_id, expiry. */
  verify(token: string): Promise<JWTPayload>;
  /** Authorization codes (PKCE) */
  createCode(request: {
    userId: string;
    codeChallenge: string;
    redirectUri: string;
    clientId: string;
  }): string;
  redeemCode(request: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
    clientId: string;
  }): Promise<Login>;
}

interface KeyMaterial {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const generateKeyMaterial = async (): Promise<KeyMaterial> => {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomBytes(8).toString('hex');
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
};

/** Keys from `file` (created at first start) or, without a file, fresh in-memory keys (tests). */
const loadKeyMaterial = async (file?: string): Promise<KeyMaterial> => {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyMaterial;
  const material = await generateKeyMaterial();
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(material), { mode: 0o600 });
  }
  return material;
};

/** The web app's origins the dev issuer trusts: plain http on this machine (as `localWebOrigin`). */
const isLocalOrigin = (url: URL) =>
  url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const createDevIssuer = async (options: { issuer: string; keyFile?: string }): Promise<DevIssuer> => {
  const material = await loadKeyMaterial(options.keyFile);
  const privateKey = (await importJWK(material.privateJwk, ALG)) as JoseKey;
  const publicKey = (await importJWK(material.publicJwk, ALG)) as JoseKey;
  const codes = new Map<
    string,
    { userId: string; codeChallenge: string; redirectUri: string; clientId: string; expires: number }
  >();

  const refreshTokens = new Map<string, { userId: string; clientId: string; expires: number }>();
  const sessions = new Map<string, { userId: string; expires: number }>();

  /** What the Cognito trigger adds to both tokens (functions/src/lambdas/preTokenGeneration.ts). */
  const triggerClaims = (login: Login) => {
    const claims = claimsOf(login);
    return Object.fromEntries(
      Object.entries({
        tenant: claims.tenantId,
        roles: claims.roles,
        organisms: claims.organisms,
        region: claims.region,
        college: claims.college,
        name: claims.name,
      }).filter(([, value]) => value !== undefined),
    );
  };

  const sign = (login: Login, lifetimeSeconds: number, extra: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return (
      new SignJWT({
        ...triggerClaims(login),
        auth_time: now,
        jti: randomUUID(),
        origin_jti: randomUUID(),
        ...extra,
      })
        .setProtectedHeader({ alg: ALG, kid: material.kid })
        .setIssuer(options.issuer)
        // Cognito's `sub` is its own UUID; here the user id, which Socle reads from `username`.
        .setSubject(login.userId)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetimeSeconds)
        .sign(privateKey)
    );
  };

  return {
    issuer: options.issuer,
    clientId: DEV_CLIENT_ID,
    jwks: { keys: [material.publicJwk] },
    // Cognito's access token: `client_id`, no `aud`, `username`, the scopes; no email.
    issueAccessToken: (login) =>
      sign(login, DEV_TOKEN_LIFETIMES.accessTokenSeconds, {
        token_use: 'access',
        client_id: DEV_CLIENT_ID,
        scope: 'openid email profile',
        username: login.userId,
        version: 2,
      }),
    // Cognito's ID token: `aud`, no `client_id`, `cognito:username`, the email and its verification.
    issueIdToken: (login) =>
      sign(login, DEV_TOKEN_LIFETIMES.idTokenSeconds, {
        token_use: 'id',
        aud: DEV_CLIENT_ID,
        'cognito:username': login.userId,
        email: login.email,
        email_verified: true,
      }),
    issueRefreshToken(userId, clientId) {
      const token = randomBytes(48).toString('base64url');
      refreshTokens.set(token, {
        userId,
        clientId,
        expires: Date.now() + DEV_TOKEN_LIFETIMES.refreshTokenSeconds * 1000,
      });
      return token;
    },
    async redeemRefreshToken({ refreshToken, clientId }) {
      const entry = refreshTokens.get(refreshToken);
      if (!entry || entry.expires < Date.now() || entry.clientId !== clientId) {
        throw new Error('invalid_grant: Invalid Refresh Token');
      }
      const login = await findLogin(entry.userId);
      if (login?.status !== 'active') throw new Error('invalid_grant: User is disabled.');
      return login;
    },
    revokeRefreshToken(refreshToken, clientId) {
      if (refreshTokens.get(refreshToken)?.clientId === clientId) refreshTokens.delete(refreshToken);
    },
    openSession(userId) {
      const id = randomBytes(24).toString('base64url');
      sessions.set(id, { userId, expires: Date.now() + SIGN_IN_SESSION_SECONDS * 1000 });
      return id;
    },
    sessionUser(sessionId) {
      const entry = sessionId ? sessions.get(sessionId) : undefined;
      return entry && entry.expires > Date.now() ? entry.userId : undefined;
    },
    endSession(sessionId) {
      if (sessionId) sessions.delete(sessionId);
    },
    isLogoutUri(uri) {
      try {
        const url = new URL(uri);
        return isLocalOrigin(url) && url.pathname === LOGOUT_PATH && !url.search && !url.hash;
      } catch {
        return false;
      }
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, { issuer: options.issuer, algorithms: [ALG] });
      // API Gateway accepts a token whose `aud` or `client_id` matches the configured audience.
      const audiences = [payload.aud, payload.client_id].flat().filter(Boolean);
      if (!audiences.includes(DEV_CLIENT_ID)) throw new Error('audience mismatch');
      return payload;
    },
    createCode(request) {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { ...request, expires: Date.now() + 60_000 });
      return code;
    },
    async redeemCode({ code, codeVerifier, redirectUri, clientId }) {
      const entry = codes.get(code);
      codes.delete(code);
      if (!entry || entry.expires < Date.now()) throw new Error('invalid_grant: unknown or expired code');
      if (entry.redirectUri !== redirectUri || entry.clientId !== clientId) {
        throw new Error('invalid_grant: redirect_uri or client_id mismatch');
      }
      if (s256(codeVerifier) !== entry.codeChallenge)
        throw new Error('invalid_grant: PKCE verification failed');
      const login = await findLogin(entry.userId);
      if (login?.status !== 'active') throw new Error('invalid_grant: login disabled');
      return login;
    },
  };
};

export type { DevIssuer };
export { DEV_CLIENT_ID, DEV_TOKEN_LIFETIMES, createDevIssuer, isLocalOrigin };
