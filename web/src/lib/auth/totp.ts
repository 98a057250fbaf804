/**
 * TOTP enrolment against Cognito's own user API, called from the browser with the user's access
 * token (its `aws.cognito.signin.user.admin` scope): AssociateSoftwareToken gives a secret,
 * VerifySoftwareToken checks a code of it, SetUserMFAPreference turns TOTP on. The token trigger
 * grants the national and network admin roles only once Cognito records it. The local dev issuer
 * has no such API: there, demo admins are treated as enrolled.
 */

/** The scope that lets an access token call Cognito's user API. */
const COGNITO_USER_SCOPE = 'aws.cognito.signin.user.admin';

/** The AWS region of a Cognito issuer (`https://cognito-idp.<region>.amazonaws.com/<pool>`), or undefined. */
const cognitoRegionOf = (issuer: string): string | undefined =>
  /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/[\w-]+$/.exec(issuer)?.[1];

/** The scopes to ask at sign-in: Cognito's user scope only from Cognito (the dev issuer has none). */
const signInScope = (issuer: string): string =>
  cognitoRegionOf(issuer) ? `openid email profile ${COGNITO_USER_SCOPE}` : 'openid email profile';

/** What an authenticator app reads from the QR code (Key Uri Format: SHA-1, 6 digits, 30 s). */
const totpUri = ({
  secret,
  account,
  issuer = 'Socle',
}: {
  secret: string;
  account: string;
  issuer?: string;
}) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?${new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  })}`;

/** The secret in groups of four, easier to type by hand. */
const groupedSecret = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** The roles the token trigger withholds until TOTP is enrolled (`withheld_roles`), read unverified. */
const withheldRolesOf = (accessToken: string | undefined): string[] => {
  const payload = accessToken?.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const roles = claims.withheld_roles;
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
};

type CognitoTarget = 'AssociateSoftwareToken' | 'VerifySoftwareToken' | 'SetUserMFAPreference';

/** The HTTP request of a Cognito user API call (JSON 1.1 protocol; the access token authorizes it). */
const cognitoRequest = (region: string, target: CognitoTarget, body: Record<string, unknown>) => ({
  url: `https://cognito-idp.${region}.amazonaws.com/`,
  init: {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  } satisfies RequestInit,
});

/** A refusal of Cognito, by its exception name (`CodeMismatchException`…). */
class CognitoError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.name = 'CognitoError';
    this.type = type;
  }
}

const cognitoCall = async <T>(
  region: string,
  target: CognitoTarget,
  body: Record<string, unknown>,
  fetchFn: typeof fetch = fetch,
): Promise<T> => {
  const { url, init } = cognitoRequest(region, target, body);
  const response = await fetchFn(url, init);
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    // `__type` may carry a namespace: `com.amazonaws…#CodeMismatchException`.
    const type = String(json.__type ?? 'UnknownError')
      .split('#')
      .pop() as string;
    throw new CognitoError(type, String(json.message ?? json.Message ?? response.statusText));
  }
  return json as T;
};

/** What to tell the person when Cognito refuses a step, in French. */
const totpErrorMessage = (error: unknown): string => {
  const type = error instanceof CognitoError ? error.type : '';
  switch (type) {
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return 'Code refusé : saisissez le code à 6 chiffres affiché en ce moment par l’application (l’heure du téléphone doit être à l’heure).';
    case 'NotAuthorizedException':
      return 'Votre session ne permet plus cette opération : déconnectez-vous, reconnectez-vous, puis recommencez.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return 'Trop de tentatives : patientez quelques minutes avant de réessayer.';
    default:
      return 'La double authentification n’a pas pu être configurée. Réessayez dans quelques instants.';
  }
};

export type { CognitoTarget };
export {
  COGNITO_USER_SCOPE,
  CognitoError,
  cognitoCall,
  cognitoRegionOf,
  cognitoRequest,
  groupedSecret,
  signInScope,
  totpErrorMessage,
  totpUri,
  withheldRolesOf,
};
