/**
 * Open Badges 3.0 credentials: a certificate exported as a W3C Verifiable Credential, signed as a JWT
 * with Ed25519 (jose). The public keys are published at `/.well-known/jwks.json`, so an employer's
 * tools can check a credential offline; `/public/credentials/verify` also checks its current status,
 * and so does any wallet through the credential's W3C Bitstring Status List entry (the signed list is
 * published at `/public/credentials/status/{list}`).
 *
 * What the 1EdTech rules ask beyond the JSON schema (SPEC §5): the subject is identified by a salted,
 * hashed `identifier` (no name in clear: whoever knows the holder's name can check it, nobody else
 * reads it); no `validUntil`/`exp` (a CléA certificate never expires); `credentialStatus` a standard
 * `BitstringStatusListEntry`; the JWT's `iss` is the issuer profile's `id`.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  STATUS_LIST_SIZE,
  awsClientConfig,
  holderOf,
  openBadgeEntryFor,
  revokedPositions,
  statusListOf,
} from '@socle/data';
import type { StoredCertificate } from '@socle/data';
import { certificationLabels } from '@socle/domain';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { JWK, JWTPayload, CryptoKey as JoseKey } from 'jose';
import { ServiceUnavailableError } from './middleware/errorMapper.ts';

const ALG = 'EdDSA';

const CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

interface SigningKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const generateSigningKeys = async (): Promise<SigningKeys> => {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const kid = `socle-${Date.now().toString(36)}`;
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
};

const NOT_CONFIGURED_FR = 'Les clés de signature des badges numériques ne sont pas configurées';

const notConfigured = (reason: string, options?: ErrorOptions) =>
  new ServiceUnavailableError(`signing keys not configured: ${reason}`, NOT_CONFIGURED_FR, options);

const isEd25519 = (jwk: unknown, { secret }: { secret: boolean }) => {
  const k = jwk as Partial<JWK> | undefined;
  return (
    k?.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string' && (!secret || typeof k.d === 'string')
  );
};

/**
 * Reads the keys secret's text: a key pair as `npm run -s credentials:keys` prints it. Anything
 * else — the infra's placeholder `{"status":"not_configured"}`, an empty or random string — is
 * refused with what is wrong (never the secret's content).
 */
const parseSigningKeys = (text: string | undefined): SigningKeys => {
  if (!text?.trim())
    throw notConfigured('the secret is empty (store the output of npm run -s credentials:keys)');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notConfigured('the secret is not JSON (store the output of npm run -s credentials:keys)', {
      cause: error,
    });
  }
  const keys = value as Partial<SigningKeys> & { status?: unknown };
  if (keys?.status === 'not_configured') {
    throw notConfigured(
      'the secret still holds the placeholder (store the output of npm run -s credentials:keys)',
    );
  }
  if (
    typeof keys?.kid !== 'string' ||
    !isEd25519(keys.privateJwk, { secret: true }) ||
    !isEd25519(keys.publicJwk, { secret: false })
  ) {
    throw notConfigured('the secret is not an Ed25519 key pair { kid, privateJwk, publicJwk }');
  }
  return keys as SigningKeys;
};

/** In AWS: the key pair stored in Secrets Manager (one for every instance). */
const readSecret = async (secretArn: string): Promise<string | undefined> => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  try {
    const { SecretString } = await new SecretsManagerClient(awsClientConfig()).send(
      new GetSecretValueCommand({ SecretId: secretArn }),
    );
    return SecretString;
  } catch (error) {
    throw new ServiceUnavailableError(
      `signing keys unavailable: Secrets Manager answered ${(error as Error).name}`,
      'Les clés de signature des badges numériques sont momentanément indisponibles',
      { cause: error },
    );
  }
};

/**
 * Keeps the keys once read; a failed read is never kept, so the next call reads again (after an
 * operator stores the key pair, or after a transient Secrets Manager error).
 */
const keyStore = (load: () => Promise<SigningKeys>) => {
  let pending: Promise<SigningKeys> | undefined;
  return (): Promise<SigningKeys> => {
    if (pending) return pending;
    const attempt = load();
    pending = attempt;
    attempt.catch(() => {
      if (pending === attempt) pending = undefined;
    });
    return attempt;
  };
};

/**
 * The signing keys: from Secrets Manager in AWS (`CREDENTIAL_KEYS_SECRET_ARN`), from
 * `CREDENTIAL_SIGNING_KEYS` (the local stack's `.local/` file), otherwise generated for this process (tests).
 */
const signingKeys = keyStore(async () => {
  const secretArn = process.env.CREDENTIAL_KEYS_SECRET_ARN;
  if (secretArn) return parseSigningKeys(await readSecret(secretArn));
  const local = process.env.CREDENTIAL_SIGNING_KEYS;
  if (local !== undefined) return parseSigningKeys(local);
  return generateSigningKeys();
});

/** The published key names its public members one by one: nothing else of the stored JWK can be published. */
const publicJwks = async () => {
  const { publicJwk } = await signingKeys();
  if (publicJwk.kty !== 'OKP' || publicJwk.crv !== 'Ed25519' || !publicJwk.x || !publicJwk.kid) {
    throw notConfigured('the public key is not an Ed25519 JWK with its kid');
  }
  const key = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: publicJwk.x,
    kid: publicJwk.kid,
    alg: ALG,
    use: 'sig',
  } as const;
  return { keys: [key] };
};

/** The public base URL of the issuer (the API), used in ids. */
const issuerUrl = () => process.env.PUBLIC_API_URL ?? 'http://localhost:3000';
/** The issuer profile's id: also the JWT's `iss` (OB 3.0, JWT proof format). */
const issuerId = () => `${issuerUrl()}/public/issuer`;

const issuerProfile = () => ({
  '@context': CONTEXTS,
  id: issuerId(),
  type: ['Profile'],
  name: "Certif'Pro – certification CléA (Socle)",
  url: issuerUrl(),
  description: 'Organisme paritaire national qui délivre les certificats CléA et CléA numérique.',
});

/** The URL of one status list credential. */
const statusListUrl = (list: number) => `${issuerUrl()}/public/credentials/status/${list}`;

/**
 * The holder's identity as the badge carries it: `sha256$` + hex SHA-256 of the UTF-8 full name
 * (first name, a space, last name, trimmed, lower case) followed by the salt (OB 3.0 IdentityHash).
 */
const identityHashOf = (holder: { firstName: string; lastName: string }, salt: string) =>
  `sha256$${createHash('sha256')
    .update(
      `${holder.firstName.trim()} ${holder.lastName.trim()}`.toLowerCase().normalize('NFC') + salt,
      'utf8',
    )
    .digest('hex')}`;

const signed = async (vc: Record<string, unknown>, jti: string, notBefore?: Date) => {
  const { kid, privateJwk } = await signingKeys();
  const key = (await importJWK(privateJwk, ALG)) as JoseKey;
  // The VC both as the payload (VC-JOSE-COSE, VC 2.0) and as `vc` (the JWT-VC of OB 3.0's examples).
  const jwt = new SignJWT({ vc, ...vc })
    .setProtectedHeader({ alg: ALG, kid, typ: 'vc+jwt' })
    .setIssuer(issuerId())
    .setJti(jti)
    .setIssuedAt();
  if (notBefore) jwt.setNotBefore(notBefore);
  return jwt.sign(key);
};

/** The credential (unsigned): exported for the schema tests, signed by `exportCredential`. */
const openBadgeOf = async (certificate: StoredCertificate) => {
  const holder = holderOf(certificate);
  const entry = await openBadgeEntryFor(certificate.code);
  const { list, position } = statusListOf(entry.statusIndex);
  const label = certificationLabels[certificate.certification as 'clea' | 'clea-numerique'];
  return {
    '@context': CONTEXTS,
    id: `urn:socle:certificate:${certificate.code}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(),
    validFrom: `${certificate.issuedOn}T00:00:00Z`,
    name: `Certificat ${label}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: true,
          identityHash: identityHashOf(holder, entry.identitySalt),
          salt: entry.identitySalt,
        },
      ],
      achievement: {
        id: `${issuerUrl()}/public/achievements/${certificate.certification}`,
        type: ['Achievement'],
        name: label,
        description:
          'Socle de connaissances et de compétences professionnelles (Code du travail, art. D6113-30).',
        criteria: {
          narrative: 'Tous les domaines du référentiel maîtrisés, décision du jury paritaire régional.',
        },
      },
    },
    credentialStatus: {
      id: `${statusListUrl(list)}#${position}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(position),
      statusListCredential: statusListUrl(list),
    },
  };
};

const exportCredential = async (certificate: StoredCertificate): Promise<string> => {
  const vc = await openBadgeOf(certificate);
  return signed(vc, vc.id, new Date(`${certificate.issuedOn}T00:00:00Z`));
};

/** The bitstring of one list, as the W3C encodes it: bit 0 leftmost, GZIP, multibase base64url (`u`). */
const encodedListOf = (revoked: readonly number[]) => {
  const bits = new Uint8Array(STATUS_LIST_SIZE / 8);
  for (const position of revoked)
    bits[position >> 3] = (bits[position >> 3] as number) | (0x80 >> (position & 7));
  return `u${gzipSync(bits).toString('base64url')}`;
};

/** The signed status list credential (`BitstringStatusListCredential`) of one list, as of now. */
const statusListCredential = async (list: number): Promise<string> => {
  const url = statusListUrl(list);
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId(),
    validFrom: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodedListOf(await revokedPositions(list)),
    },
  };
  return signed(vc, url);
};

type CredentialCheck =
  | { valid: true; code: string }
  | { valid: false; reason: 'signature' | 'expired' | 'malformed' };

/**
 * Checks signature, issuer and dates; the caller then checks the certificate's current status.
 * Credentials exported before the issuer's `iss` became the profile id (with the base URL, and an
 * `exp`) still check.
 */
const checkCredential = async (credential: string): Promise<CredentialCheck> => {
  const { publicJwk } = await signingKeys();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(credential, (await importJWK(publicJwk, ALG)) as JoseKey, {
      issuer: [issuerId(), issuerUrl()],
      algorithms: [ALG],
    }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') return { valid: false, reason: 'expired' };
    if (code === 'ERR_JWS_INVALID' || code === 'ERR_JWT_INVALID')
      return { valid: false, reason: 'malformed' };
    return { valid: false, reason: 'signature' };
  }
  const match = /^urn:socle:certificate:(.+)$/.exec(payload.jti ?? '');
  return match ? { valid: true, code: match[1] as string } : { valid: false, reason: 'malformed' };
};

export type { CredentialCheck, SigningKeys };
export {
  checkCredential,
  encodedListOf,
  exportCredential,
  generateSigningKeys,
  identityHashOf,
  issuerProfile,
  keyStore,
  openBadgeOf,
  parseSigningKeys,
  publicJwks,
  statusListCredential,
};
