/**
 * Open Badges status (W3C Bitstring Status List): each certificate gets, the first time it is
 * exported, an index in a status list and a salt for its holder's hashed identifier, allocated once
 * and stored with it (`openBadge`); a revocation sets the certificate's bit in its list (the
 * revocation's own transaction, see `statusListOnRevocation`), so a wallet that fetches the list
 * learns of it. Indices come from one counter, in order: a list holds 131,072 entries (16 KB, the
 * W3C minimum, so that fetching it says nothing about which credential is being checked).
 */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '@socle/domain';
import { certificateFromItem } from './entities/certificate.ts';
import type { OpenBadgeEntry, StoredCertificate } from './entities/certificate.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

/** Entries per status list (2^17 bits: the W3C minimum size). */
const STATUS_LIST_SIZE = 131_072;

const statusListOf = (statusIndex: number) => ({
  list: Math.floor(statusIndex / STATUS_LIST_SIZE),
  position: statusIndex % STATUS_LIST_SIZE,
});

/** Another export allocated at the same time: read again and use (or retry) what is stored. */
class AllocationRace extends Error {
  constructor() {
    super('status index allocated concurrently');
    this.name = 'AllocationRace';
  }
}

const readConsistent = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;

/** The bit of a revoked certificate, set in its list (the list item is created by its first bit). */
const revokedBit = (statusIndex: number): GuardedItem => {
  const { list, position } = statusListOf(statusIndex);
  return {
    item: {
      Update: {
        TableName: tableName(),
        Key: keys.statusList(list),
        UpdateExpression: 'ADD revoked :position',
        ExpressionAttributeValues: { ':position': new Set([position]) },
      },
    },
  };
};

/**
 * The certificate's status index and identity salt, allocated on its first export. The counter's
 * value, the certificate's lack of an entry and its status are all conditions of the allocating
 * transaction: two exports at once never share an index, and a certificate revoked meanwhile is
 * allocated with its bit already set.
 */
const openBadgeEntryFor = async (code: string): Promise<OpenBadgeEntry> => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const item = await readConsistent(keys.certificate(code));
    if (!item) throw new NotFoundError('certificate');
    const certificate = certificateFromItem(item);
    if (certificate.openBadge) return certificate.openBadge;
    const next = Number((await readConsistent(keys.statusListCounter()))?.nextIndex ?? 0);
    const entry: OpenBadgeEntry = { statusIndex: next, identitySalt: randomBytes(16).toString('base64url') };
    try {
      await transact([
        {
          item: {
            Update: {
              TableName: tableName(),
              Key: keys.statusListCounter(),
              UpdateExpression: 'SET nextIndex = :after',
              ConditionExpression: next === 0 ? 'attribute_not_exists(nextIndex)' : 'nextIndex = :next',
              ExpressionAttributeValues: { ':after': next + 1, ...(next === 0 ? {} : { ':next': next }) },
            },
          },
          onConditionFailed: () => new AllocationRace(),
        },
        {
          item: {
            Update: {
              TableName: tableName(),
              Key: keys.certificate(code),
              UpdateExpression: 'SET openBadge = :entry',
              ConditionExpression:
                'attribute_exists(pk) AND attribute_not_exists(openBadge) AND #status = :status',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':entry': entry, ':status': certificate.status },
            },
          },
          onConditionFailed: () => new AllocationRace(),
        },
        ...(certificate.status === 'revoked' ? [revokedBit(next)] : []),
      ]);
      return entry;
    } catch (error) {
      if (!(error instanceof AllocationRace)) throw error;
    }
  }
  throw new Error(`could not allocate a status index for ${code} (too many concurrent exports)`);
};

/**
 * What a revocation adds to its transaction: the certificate's bit in its status list, and a
 * condition that its entry is still the one read (an export allocating one meanwhile fails the
 * revocation, which is then retried with the entry, instead of leaving the bit unset).
 */
const statusListOnRevocation = (
  current: StoredCertificate,
): { condition: string; values: Record<string, unknown>; items: GuardedItem[] } => {
  const entry = current.openBadge;
  return entry
    ? {
        condition: 'openBadge.statusIndex = :statusIndex',
        values: { ':statusIndex': entry.statusIndex },
        items: [revokedBit(entry.statusIndex)],
      }
    : { condition: 'attribute_not_exists(openBadge)', values: {}, items: [] };
};

/** The revoked positions of one status list (empty when none was ever revoked). */
const revokedPositions = async (list: number): Promise<number[]> => {
  const item = await readConsistent(keys.statusList(list));
  return [...((item?.revoked as Set<number> | undefined) ?? [])].map(Number).sort((a, b) => a - b);
};

/** Whether a list has ever been allocated (its first index is below the counter). */
const statusListExists = async (list: number): Promise<boolean> => {
  const next = Number((await readConsistent(keys.statusListCounter()))?.nextIndex ?? 0);
  return list >= 0 && list * STATUS_LIST_SIZE < next;
};

export type { OpenBadgeEntry };
export {
  STATUS_LIST_SIZE,
  openBadgeEntryFor,
  revokedPositions,
  statusListExists,
  statusListOf,
  statusListOnRevocation,
};
