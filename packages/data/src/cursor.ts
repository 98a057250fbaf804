/**
 * Opaque pagination cursors: callers never see `ExclusiveStartKey`. A cursor is the start key signed
 * with an HMAC (SHA-256), so only a cursor this API issued is accepted: a crafted one (any attribute,
 * any value) is refused with a 400 on `cursor` before it reaches DynamoDB, never answered 500.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@socle/domain';

type StartKey = Record<string, string>;

/**
 * The signing key: `CURSOR_SIGNING_KEY` (in AWS, set from a secret); locally and in tests a fixed
 * development key. A cursor signed with another key is refused, as a forged one is.
 */
const DEV_KEY = 'socle-local-cursor-key';
let warned = false;
const signingKey = (): string => {
  const key = process.env.CURSOR_SIGNING_KEY;
  if (key) return key;
  if (process.env.AWS_LAMBDA_FUNCTION_NAME && !warned) {
    warned = true;
    console.warn('CURSOR_SIGNING_KEY is not set: pagination cursors are signed with the development key');
  }
  return DEV_KEY;
};

const signatureOf = (payload: string) =>
  createHmac('sha256', signingKey()).update(payload).digest('base64url');

const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined => {
  if (!key) return undefined;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${signatureOf(payload)}`;
};

const invalidCursor = () =>
  new ValidationError([{ path: 'cursor', message: 'curseur de pagination invalide' }]);

/** Whether the signature is the payload's (compared in constant time). */
const signedByUs = (payload: string, signature: string): boolean => {
  const expected = Buffer.from(signatureOf(payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/**
 * Decodes a cursor this API signed and checks it belongs to the partition being queried, so a
 * cursor can never be used to start reading another tenant's partition.
 */
const decodeCursor = (
  cursor: string | undefined,
  expected: { attribute: string; value: string },
): StartKey | undefined => {
  if (cursor === undefined) return undefined;
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0 || !signedByUs(payload, signature)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.values(parsed).every((v) => typeof v === 'string') &&
    (parsed as StartKey)[expected.attribute] === expected.value;
  if (!valid) throw invalidCursor();
  return parsed as StartKey;
};

export { decodeCursor, encodeCursor };
