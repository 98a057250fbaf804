/** Opaque pagination cursors: callers never see `ExclusiveStartKey`. */
import { ValidationError } from '@socle/domain';

type StartKey = Record<string, string>;

const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/**
 * Decodes a cursor and checks it belongs to the partition being queried, so a cursor can never
 * be used to start reading another tenant's partition.
 */
const decodeCursor = (
  cursor: string | undefined,
  expected: { attribute: string; value: string },
): StartKey | undefined => {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.values(parsed).every((v) => typeof v === 'string') &&
    (parsed as StartKey)[expected.attribute] === expected.value;
  if (!valid) throw new ValidationError([{ path: 'cursor', message: 'curseur de pagination invalide' }]);
  return parsed as StartKey;
};

export { decodeCursor, encodeCursor };
