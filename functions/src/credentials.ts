/**
 * Open Badges 3.0 credentials: a certificate exported as a W3C Verifiable Credential, signed as a JWT
 * with Ed25519 (jose). The public keys are published at `/.well-known/jwks.json`, so an employer's
 * tools can check a credential offline; `/public/credentials/verify` also checks its current status.
 */
import { holderOf } from '@socle/data';
import type { StoredCertificate } from '@socle/data';
import { certificationLabels } from '@socle/domain';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { JWK, JWTPayload, CryptoKey as JoseKey } from 'jose';

const ALG = 'EdDSA';
/** How long an exported credential is valid; the certificate itself does not expire. */
const CREDENTIAL_LIFETIME = '730d';

interface SigningKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

let keys: Promise<SigningKeys> | undefined;

const generateSigningKeys = async (): Promise<SigningKeys> => {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const kid = `socle-${Date.now().toString(36)}`;
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
};

/** In AWS: the key pair stored in Secrets Manager (one for every instance), read at cold start. */
const keysFromSecret = async (secretArn: string): Promise<SigningKeys> => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  if (!SecretString)
    throw new Error('the credential signing keys secret is empty: run npm run -s credentials:keys');
  return JSON.parse(SecretString) as SigningKeys;
};

/**
 * The signing keys: from Secrets Manager in AWS (`CREDENTIAL_KEYS_SECRET_ARN`), from
 * `CREDENTIAL_SIGNING_KEYS` (the local stack's `.local/` file), otherwise generated for this process (tests).
 */
const signingKeys = (): Promise<SigningKeys> => {
  const secretArn = process.env.CREDENTIAL_KEYS_SECRET_ARN;
  const local = process.env.CREDENTIAL_SIGNING_KEYS;
  keys ??= secretArn
    ? keysFromSecret(secretArn)
    : local
      ? Promise.resolve(JSON.parse(local) as SigningKeys)
      : generateSigningKeys();
  return keys;
};

const publicJwks = async () => ({ keys: [(await signingKeys()).publicJwk] });

/** The public base URL of the issuer (the API), used in ids and as `iss`. */
const issuerUrl = () => process.env.PUBLIC_API_URL ?? 'http://localhost:3000';

const issuerProfile = () => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `${issuerUrl()}/public/issuer`,
  type: ['Profile'],
  name: "Certif'Pro – certification CléA (Socle)",
  url: issuerUrl(),
  description: 'Organisme paritaire national qui délivre les certificats CléA et CléA numérique.',
});

const exportCredential = async (certificate: StoredCertificate): Promise<string> => {
  const holder = holderOf(certificate);
  const { kid, privateJwk } = await signingKeys();
  const key = (await importJWK(privateJwk, ALG)) as JoseKey;
  const id = `urn:socle:certificate:${certificate.code}`;
  const label = certificationLabels[certificate.certification as 'clea' | 'clea-numerique'];
  const vc = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(),
    validFrom: `${certificate.issuedOn}T00:00:00Z`,
    name: `Certificat ${label}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: `${holder.firstName} ${holder.lastName}`,
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
      id: `${issuerUrl()}/public/certificates/${certificate.code}`,
      type: 'SocleCertificateStatus',
    },
  };
  return new SignJWT({ vc, ...vc })
    .setProtectedHeader({ alg: ALG, kid, typ: 'vc+jwt' })
    .setIssuer(issuerUrl())
    .setJti(id)
    .setIssuedAt()
    .setNotBefore(new Date(`${certificate.issuedOn}T00:00:00Z`))
    .setExpirationTime(CREDENTIAL_LIFETIME)
    .sign(key);
};

type CredentialCheck =
  | { valid: true; code: string }
  | { valid: false; reason: 'signature' | 'expired' | 'malformed' };

/** Checks signature, issuer and dates; the caller then checks the certificate's current status. */
const checkCredential = async (credential: string): Promise<CredentialCheck> => {
  const { publicJwk } = await signingKeys();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(credential, (await importJWK(publicJwk, ALG)) as JoseKey, {
      issuer: issuerUrl(),
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
export { checkCredential, exportCredential, generateSigningKeys, issuerProfile, publicJwks };
