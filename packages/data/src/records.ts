/** Helpers shared by the writes: new items, versioned updates, platform settings (reads: entities/). */
import { NotFoundError, VersionConflictError } from '@socle/domain';
import type { GuardedItem } from './transact.ts';
import { tableName } from './table.ts';
import type { Key } from './keys.ts';

/** Put that must create a new item (never overwrite). */
const putNew = (item: Record<string, unknown> & Key, onExists: () => Error): GuardedItem => ({
  item: {
    Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
  },
  onConditionFailed: () => onExists(),
});

/**
 * Replaces a stored record only if it is still at the version the caller read:
 * a missing item is a 404, a newer version a 409 carrying the current version.
 */
const putVersioned = (
  entity: string,
  item: Record<string, unknown> & Key & { version: number },
  expectedVersion: number,
): GuardedItem => ({
  item: {
    Put: {
      TableName: tableName(),
      Item: item,
      ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  },
  onConditionFailed: (existing) =>
    existing
      ? new VersionConflictError(entity, existing.version as number | undefined)
      : new NotFoundError(entity),
});

/**
 * The next version of a platform setting: the first (expected 0) only if none exists yet, a later one
 * only over the version the caller read; a stale caller gets a 409 with the current version.
 */
const putSettingVersion = (
  entity: string,
  item: Record<string, unknown> & Key & { version: number },
  expectedVersion: number,
): GuardedItem => ({
  item: {
    Put: {
      TableName: tableName(),
      Item: item,
      ConditionExpression:
        expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'attribute_exists(pk) AND #version = :expected',
      ...(expectedVersion === 0
        ? {}
        : {
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
    },
  },
  onConditionFailed: (existing) =>
    new VersionConflictError(entity, (existing?.version as number | undefined) ?? 0),
});

/** Checks a versioned edit before building the write: a stale version fails early with a 409. */
const assertVersion = (entity: string, current: { version: number }, expected: number) => {
  if (current.version !== expected) throw new VersionConflictError(entity, current.version);
};

export { assertVersion, putNew, putSettingVersion, putVersioned };
