/**
 * What every entity module shares: the storage attributes an item carries besides its record (keys,
 * index keys, TTL, type tag), and the parse that turns a read item into the entity's record. A
 * stored item that does not match its schema is a bug or a corruption: it fails loudly (500) naming
 * the entity and the attributes, never their values (no personal data in logs).
 */
import type * as z from 'zod';

const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'expiresAt',
  'itemType',
] as const;

type Item = Record<string, unknown>;

/** Removes the storage attributes so that an item can be returned to a caller. */
const withoutStorageAttributes = (item: Item): Item => {
  const copy = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy;
};

class StoredItemError extends Error {
  constructor(entity: string, issues: readonly z.core.$ZodIssue[]) {
    const where = issues.map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.code}`).join(', ');
    super(`stored ${entity} does not match its schema (${where})`);
    this.name = 'StoredItemError';
  }
}

/**
 * The reader of one entity: storage attributes stripped, then parsed with its item schema (unknown
 * attributes dropped), so the record has exactly the entity's stored type.
 */
const itemReader =
  <Schema extends z.ZodType>(entity: string, schema: Schema) =>
  (item: Item): z.output<Schema> => {
    const parsed = schema.safeParse(withoutStorageAttributes(item));
    if (!parsed.success) throw new StoredItemError(entity, parsed.error.issues);
    return parsed.data;
  };

export { STORAGE_ATTRIBUTES, StoredItemError, itemReader, withoutStorageAttributes };
