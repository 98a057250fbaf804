/**
 * Reads the verified JWT claims that API Gateway's JWT authorizer puts on the event. The authorizer
 * flattens claim values to strings (an array becomes `[a b]`), so list claims accept every form.
 * The user id is the `username` claim (Cognito's username is our user id; `sub` is Cognito's UUID).
 */
import { Principal } from '@socle/domain';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

type RawClaims = Record<string, string | number | boolean | string[] | undefined>;

const listClaim = (value: RawClaims[string]): string[] => {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    if (inner.startsWith('"')) return JSON.parse(text) as string[];
    return inner.split(/[\s,]+/).filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
};

const stringClaim = (value: RawClaims[string]) =>
  value === undefined || value === '' ? undefined : String(value);

const claimsOfEvent = (event: APIGatewayProxyEventV2): RawClaims | undefined =>
  (event.requestContext as { authorizer?: { jwt?: { claims?: RawClaims } } }).authorizer?.jwt?.claims;

/**
 * The principal of a request, or undefined when the request carries no verified claims, or claims
 * of another token than an access token. API Gateway's JWT authorizer accepts a Cognito ID token
 * too (its `aud` is the app client): an ID token is meant for the app, not for calling the API,
 * and travels in places (logs, `id_token_hint`) where an access token does not.
 */
const principalFromEvent = (event: APIGatewayProxyEventV2): Principal | undefined => {
  const claims = claimsOfEvent(event);
  if (claims?.token_use !== 'access') return undefined;
  // Cognito's `sub` is its own UUID; our user id is the Cognito username (identityDirectory.ts).
  const userId = claims.username ?? claims.sub;
  if (!userId) return undefined;
  const parsed = Principal.safeParse({
    userId: String(userId),
    email: stringClaim(claims.email),
    name: stringClaim(claims.name),
    tenantId: stringClaim(claims.tenant),
    roles: listClaim(claims.roles),
    organisms: listClaim(claims.organisms),
    region: stringClaim(claims.region),
    college: stringClaim(claims.college),
  });
  return parsed.success ? parsed.data : undefined;
};

/** When the token was issued (`iat`, seconds), in milliseconds; undefined when absent or malformed. */
const issuedAtOf = (event: APIGatewayProxyEventV2): number | undefined => {
  const seconds = Number(claimsOfEvent(event)?.iat);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
};

/** Flattens claims the way API Gateway's JWT authorizer does (used by the local server). */
const flattenClaims = (payload: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );

export { flattenClaims, issuedAtOf, listClaim, principalFromEvent };
