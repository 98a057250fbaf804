/**
 * The public verification endpoints (SPEC §5), without authentication. Deliberately not built on
 * `$lib/api`: that client brings zod and the session, and this page must stay small for a phone on
 * a slow connection. Every outcome the page shows is a case of the returned unions; nothing throws.
 */
import type { routes } from '@socle/contract/routes';
import type { PublicCertificate as PublicCertificateSchema } from '@socle/contract/routes/certificates';
import { parseCertificateCode } from '@socle/domain/certificateCode';
import { getConfig } from '$lib/config';
import type { z } from 'zod';

/**
 * The public routes' paths, checked against the contract by the type checker: the contract is
 * imported for its types only, so the route table (and zod) stays out of this page's bundle.
 */
type PathOf<Id extends (typeof routes)[number]['id']> = Extract<(typeof routes)[number], { id: Id }>['path'];
const paths: {
  certificate: PathOf<'getPublicCertificate'>;
  confirm: PathOf<'confirmPublicCertificate'>;
  verify: PathOf<'verifyCredential'>;
} = {
  certificate: '/public/certificates/{code}',
  confirm: '/public/certificates/{code}/confirm',
  verify: '/public/credentials/verify',
};

const withCode = (path: string, code: string) => path.replace('{code}', encodeURIComponent(code.trim()));

/** What the registry tells anyone about a certificate: never more than this (`issuedOn`: `YYYY-MM-DD`). */
type PublicCertificate = z.output<typeof PublicCertificateSchema>;

/** Answers every call may get instead of its own: too many requests, or no usable answer. */
type Unavailable = { kind: 'rateLimited'; retryAfter: number | undefined } | { kind: 'unavailable' };

type Lookup =
  | { kind: 'found'; certificate: PublicCertificate }
  /** The check character does not match: a typo, caught without a lookup. */
  | { kind: 'typo' }
  /** A part is missing: the last (check) character, or the `CLEA-`/`CLEN-` of a code issued before 2027. */
  | { kind: 'incomplete'; missing: 'check' | 'prefix' }
  /** Not a code's shape at all (too short or long, a character no code has). */
  | { kind: 'format' }
  | { kind: 'notFound' }
  | Unavailable;

type Confirmation =
  | { kind: 'match'; fullName: string }
  | { kind: 'noMatch' }
  /** The holder's data was erased (data protection): the name cannot be confirmed any more. */
  | { kind: 'erased' }
  /** Too many attempts or wrong names on this code: confirmation paused (the API's French sentence). */
  | { kind: 'locked'; message: string }
  | { kind: 'notFound' }
  | Unavailable;

type CredentialReason = 'signature' | 'expired' | 'revoked' | 'unknown' | 'malformed';

type CredentialCheck =
  | { kind: 'valid'; certificate: PublicCertificate }
  /** A revoked certificate's credential is authentic: the registry's view comes with the refusal. */
  | { kind: 'invalid'; reason: CredentialReason; certificate?: PublicCertificate }
  | Unavailable;

/** `Retry-After` in seconds (the API sends seconds, not a date); undefined when absent or unreadable. */
const retryAfterOf = (response: Response): number | undefined => {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
};

/** Sends one request; undefined when the API cannot be reached. */
const send = async (path: string, body?: unknown): Promise<Response | undefined> => {
  const { apiUrl, publicApiUrl = apiUrl } = await getConfig();
  try {
    // `/` (deployed: the site's own domain) gives a relative `/public/…`: no CORS, no preflight.
    return await fetch(`${publicApiUrl.replace(/\/$/, '')}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return undefined;
  }
};

const readJson = async (response: Response): Promise<Record<string, unknown> | undefined> => {
  try {
    const json: unknown = await response.json();
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** The answers shared by every endpoint; undefined when the caller must read the body itself. */
const commonOutcome = (response: Response): Unavailable | undefined => {
  if (response.status === 429) return { kind: 'rateLimited', retryAfter: retryAfterOf(response) };
  if (response.status >= 500) return { kind: 'unavailable' };
  return undefined;
};

const isCertificate = (value: unknown): value is PublicCertificate => {
  const c = value as Partial<PublicCertificate> | undefined;
  return (
    typeof c?.code === 'string' &&
    (c.status === 'valid' || c.status === 'revoked') &&
    typeof c.issuedOn === 'string' &&
    typeof c.region?.name === 'string' &&
    typeof c.holder?.firstName === 'string'
  );
};

/**
 * Looks a code up as typed: the API normalises it (case, spaces, dashes, O→0, I/L→1). A typo is
 * caught here first by the check symbol (no request: works on a weak connection, costs no quota).
 */
const lookupCertificate = async (code: string): Promise<Lookup> => {
  const parsed = parseCertificateCode(code);
  if (!parsed.ok) {
    if (parsed.reason === 'missingCheck') return { kind: 'incomplete', missing: 'check' };
    if (parsed.reason === 'missingPrefix') return { kind: 'incomplete', missing: 'prefix' };
    return { kind: parsed.reason === 'check' ? 'typo' : 'format' };
  }
  // The code as read (its prefix restored, O→0…): the shareable address names the certificate's code.
  const response = await send(withCode(paths.certificate, parsed.code));
  if (!response) return { kind: 'unavailable' };
  const common = commonOutcome(response);
  if (common) return common;
  if (response.status === 404) return { kind: 'notFound' };
  const body = await readJson(response);
  if (response.status === 400 && body?.error === 'invalid_code') return { kind: 'typo' };
  if (response.ok && isCertificate(body)) return { kind: 'found', certificate: body };
  return { kind: 'unavailable' };
};

/** Whether the verifier knows the holder's last name; the full name only on a match. */
const confirmHolder = async (code: string, identity: { lastName: string }): Promise<Confirmation> => {
  const response = await send(withCode(paths.confirm, code), identity);
  if (!response) return { kind: 'unavailable' };
  const common = commonOutcome(response);
  if (common) return common;
  if (response.status === 404) return { kind: 'notFound' };
  const body = await readJson(response);
  if (response.status === 409 && body?.error === 'confirmation_locked') {
    return {
      kind: 'locked',
      message:
        typeof body.message === 'string'
          ? body.message
          : 'Trop de tentatives de confirmation pour ce certificat : réessayez plus tard.',
    };
  }
  if (!response.ok || typeof body?.match !== 'boolean') return { kind: 'unavailable' };
  if (body.reason === 'holder_erased') return { kind: 'erased' };
  return body.match && typeof body.fullName === 'string'
    ? { kind: 'match', fullName: body.fullName }
    : { kind: 'noMatch' };
};

const reasons: readonly CredentialReason[] = ['signature', 'expired', 'revoked', 'unknown', 'malformed'];

/** Checks an Open Badge (a JWT) with the API: signature, expiry and the registry's current status. */
const verifyCredential = async (credential: string): Promise<CredentialCheck> => {
  // A JWT has no whitespace: line breaks come from an e-mail that wrapped it.
  const response = await send(paths.verify, { credential: credential.replace(/\s+/g, '') });
  if (!response) return { kind: 'unavailable' };
  const common = commonOutcome(response);
  if (common) return common;
  const body = await readJson(response);
  // A body that is not a JWT at all may be refused before the check: it is still "malformed".
  if (response.status === 400) return { kind: 'invalid', reason: 'malformed' };
  if (!response.ok) return { kind: 'unavailable' };
  if (body?.valid === true && isCertificate(body.certificate)) {
    return { kind: 'valid', certificate: body.certificate };
  }
  const reason = reasons.find((r) => r === body?.reason);
  if (body?.valid !== false || !reason) return { kind: 'unavailable' };
  return isCertificate(body.certificate)
    ? { kind: 'invalid', reason, certificate: body.certificate }
    : { kind: 'invalid', reason };
};

export type { Confirmation, CredentialCheck, CredentialReason, Lookup, PublicCertificate, Unavailable };
export { confirmHolder, lookupCertificate, verifyCredential };
