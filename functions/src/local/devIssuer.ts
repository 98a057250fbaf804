/**
 * The local stand-in for Cognito: an OpenID provider that signs tokens with the same claims as the
 * Cognito trigger (read from the login items), with authorization code + PKCE, so the web app uses
 * one login code path. Its keys are generated at first start and kept under `.local/`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { claimsOf, findLogin } from '@socle/data';
import type { Login } from '@socle/data';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { JWK, JWTPayload, CryptoKey as JoseKey } from 'jose';

const DEV_CLIENT_ID = 'socle-web';
const TOKEN_LIFETIME_SECONDS = 8 * 3600;
const ALG = 'ES256';

interface DevIssuer {
  issuer: string;
  clientId: string;
  jwks: { keys: JWK[] };
  /** Signs an access token carrying the login's claims (as the Cognito trigger would). */
  issueAccessToken(login: Login): Promise<string>;
  issueIdToken(login: Login): Promise<string>;
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

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const createDevIssuer = async (options: { issuer: string; keyFile?: string }): Promise<DevIssuer> => {
  const material = await loadKeyMaterial(options.keyFile);
  const privateKey = (await importJWK(material.privateJwk, ALG)) as JoseKey;
  const publicKey = (await importJWK(material.publicJwk, ALG)) as JoseKey;
  const codes = new Map<
    string,
    { userId: string; codeChallenge: string; redirectUri: string; clientId: string; expires: number }
  >();

  const sign = (login: Login, extra: Record<string, unknown>) => {
    const claims = claimsOf(login);
    return new SignJWT({
      // As in Cognito access tokens: `username` is our user id (`sub` too, here).
      username: login.userId,
      email: claims.email,
      name: claims.name,
      tenant: claims.tenantId,
      roles: claims.roles,
      organisms: claims.organisms,
      region: claims.region,
      college: claims.college,
      ...extra,
    })
      .setProtectedHeader({ alg: ALG, kid: material.kid, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setSubject(login.userId)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(privateKey);
  };

  return {
    issuer: options.issuer,
    clientId: DEV_CLIENT_ID,
    jwks: { keys: [material.publicJwk] },
    issueAccessToken: (login) =>
      sign(login, { token_use: 'access', client_id: DEV_CLIENT_ID, scope: 'openid email profile' }),
    issueIdToken: (login) => sign(login, { token_use: 'id', aud: DEV_CLIENT_ID }),
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
export { DEV_CLIENT_ID, createDevIssuer };
