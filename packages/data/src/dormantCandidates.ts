/**
 * The candidates whose erasure is due (SPEC §7): a sparse index entry on the candidate item (gsi4
 * "dormantCandidates", `T#<t>#DORMANT` / `<last activity day>#<candidateId>#<dossierId>`), present
 * while every dossier of the candidate is closed and none is before a jury.
 *
 * The entry is kept right by the writes of the dossiers themselves: every write of a dossier that
 * is closed before or after it (closing, reopening, an edit or a portfolio issued on a closed
 * dossier, the expiry sweep) recomputes it in its own transaction (`dormancyItems`); writes between
 * open statuses cannot change it and read nothing more. Erasure deletes the candidate item, entry
 * included. Listing is one range of the index: the retention is applied when reading, so a new
 * retention setting applies at once, and the cost is that of the page, never of the open dossiers.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  CLOSED_STATUSES,
  NotFoundError,
  candidateChanged,
  dormancyOf,
  erasureDueOn,
  latestDueActivityOn,
  violationOf,
} from '@socle/domain';
import type { Dormancy, Dossier, DueErasure, DueErasureList, DueErasureQuery } from '@socle/domain';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { findCandidateRecords, getDataProtectionSettings, readStoredDossiers } from './dataProtection.ts';
import type { StoredDossier } from './dataProtection.ts';
import { keys } from './keys.ts';
import { platformScopeFor } from './scope.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { allTenants } from './tenants.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import type { GuardedItem } from './transact.ts';

const isClosed = (dossier: Pick<Dossier, 'status'>) => CLOSED_STATUSES.includes(dossier.status);

/** The dossier is still at the version read (a decision on the candidate's entry depended on it). */
const unchangedCheck = (scope: TenantScope, dossier: StoredDossier): GuardedItem => ({
  item: {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.dossier(scope, dossier.id),
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': dossier.version },
    },
  },
  onConditionFailed: () => violationOf(candidateChanged),
});

/** Sets or removes the candidate's entry (the candidate must exist: an update never creates it). */
const candidateEntryUpdate = (
  scope: TenantScope,
  candidateId: string,
  entry: Dormancy | null,
): GuardedItem => {
  const index = entry
    ? keys.dormantCandidate(scope, entry.lastActivityOn, candidateId, entry.dossierId)
    : undefined;
  return {
    item: {
      Update: {
        TableName: tableName(),
        Key: keys.candidate(scope, candidateId),
        ConditionExpression: 'attribute_exists(pk)',
        ...(index
          ? {
              UpdateExpression: 'SET gsi4pk = :gsi4pk, gsi4sk = :gsi4sk',
              ExpressionAttributeValues: { ':gsi4pk': index.gsi4pk, ':gsi4sk': index.gsi4sk },
            }
          : { UpdateExpression: 'REMOVE gsi4pk, gsi4sk' }),
      },
    },
    onConditionFailed: () => new NotFoundError('candidate'),
  };
};

interface DormancyChange {
  /** The candidate's entry after the write; null: none. */
  entry: Dormancy | null;
  /** The other dossiers read to decide, checked unchanged in the same transaction. */
  guards: GuardedItem[];
}

/**
 * What the candidate's entry becomes once `next` is written (its previous state `previous`), or
 * undefined when the write cannot change it (open before and after) or there is no candidate item
 * to carry it.
 */
const dormancyChange = async (
  scope: TenantScope,
  next: Dossier,
  previous?: Pick<Dossier, 'status'>,
): Promise<DormancyChange | undefined> => {
  if (!isClosed(next) && !(previous && isClosed(previous))) return undefined;
  const { candidate, dossierIds } = await findCandidateRecords(scope, next.candidateId);
  if (!candidate) return undefined;
  if (!isClosed(next)) return { entry: null, guards: [] };
  const others = await readStoredDossiers(
    scope,
    dossierIds.filter((id) => id !== next.id),
  );
  // Two dossiers of one candidate closing at once must not both see the other open: each write
  // checks that the dossiers it read are still as read.
  const guards = others.map((other) => unchangedCheck(scope, other));
  return { entry: dormancyOf([next, ...others]), guards };
};

/** The index attributes of a candidate item for an entry (none when the candidate is not dormant). */
const dormancyAttributes = (scope: TenantScope, candidateId: string, entry: Dormancy | null) =>
  entry ? keys.dormantCandidate(scope, entry.lastActivityOn, candidateId, entry.dossierId) : {};

/**
 * The items a dossier write adds to its transaction to keep the candidate's entry right: the
 * candidate's update (set or remove the entry) and the checks of their other dossiers; none for a
 * write between open statuses.
 */
const dormancyItems = async (
  scope: TenantScope,
  next: Dossier,
  previous?: Pick<Dossier, 'status'>,
): Promise<GuardedItem[]> => {
  const change = await dormancyChange(scope, next, previous);
  if (!change) return [];
  return [candidateEntryUpdate(scope, next.candidateId, change.entry), ...change.guards];
};

/**
 * The network's candidates whose erasure is due on `today` under the retention in force, oldest
 * last activity first, one page of the index (`limit` items at most, then a cursor).
 */
const listDueErasures = async (
  { scope, clock }: Pick<TenantActor, 'scope' | 'clock'>,
  query: DueErasureQuery,
): Promise<DueErasureList> => {
  const today = clock.now().slice(0, 10);
  const { retentionYears } = await getDataProtectionSettings();
  const { index, pk } = keys.dormantCandidates(scope);
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index,
      KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk <= :due',
      ExpressionAttributeValues: {
        ':pk': pk,
        ':due': `${latestDueActivityOn(today, retentionYears)}#\uffff`,
      },
      ExclusiveStartKey: decodeCursor(query.cursor, { attribute: 'gsi4pk', value: pk }),
      Limit: query.limit,
    }),
  );
  const items = (page.Items ?? []).map((item): DueErasure => {
    const [lastActivityOn, candidateId, dossierId] = String(item.gsi4sk).split('#') as [
      string,
      string,
      string,
    ];
    return {
      candidateId,
      firstName: String(item.firstName),
      lastName: String(item.lastName),
      lastActivityOn,
      dueOn: erasureDueOn(lastActivityOn, retentionYears),
      dossierId,
    };
  });
  return { retentionYears, items, cursor: encodeCursor(page.LastEvaluatedKey) };
};

/**
 * Rebuilds the network's entries from its closed dossiers (gsi2, one query per closed status) and
 * the entries themselves: for data written before the index existed, or as a repair (a stray entry
 * is removed). Each candidate is recomputed from all of
 * their dossiers and written in a transaction guarded like a dossier write. A maintenance task: it
 * reads the network's closed dossiers, which the list never does.
 */
const reindexDormantCandidates = async (scope: TenantScope) => {
  const candidateIds = new Set<string>();
  for (const status of CLOSED_STATUSES) {
    const { index, pk } = keys.dossiersByStatus(scope, status);
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index,
          KeyConditionExpression: `${index}pk = :pk`,
          ExpressionAttributeValues: { ':pk': pk },
          ProjectionExpression: 'candidateId, erasedAt',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (!item.erasedAt && typeof item.candidateId === 'string') candidateIds.add(item.candidateId);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  // And every candidate holding an entry, so that a stray one is removed.
  const dormantIndex = keys.dormantCandidates(scope);
  let entryKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: dormantIndex.index,
        KeyConditionExpression: 'gsi4pk = :pk',
        ExpressionAttributeValues: { ':pk': dormantIndex.pk },
        ProjectionExpression: 'gsi4sk',
        ExclusiveStartKey: entryKey,
      }),
    );
    for (const item of page.Items ?? []) candidateIds.add(String(item.gsi4sk).split('#')[1] as string);
    entryKey = page.LastEvaluatedKey;
  } while (entryKey);
  let dormant = 0;
  for (const candidateId of candidateIds) {
    const { candidate, dossierIds } = await findCandidateRecords(scope, candidateId);
    if (!candidate) continue;
    const dossiers = await readStoredDossiers(scope, dossierIds);
    const entry = dormancyOf(dossiers);
    await transact([
      candidateEntryUpdate(scope, candidateId, entry),
      ...dossiers.map((d) => unchangedCheck(scope, d)),
    ]);
    if (entry) dormant++;
  }
  return { candidates: candidateIds.size, dormant };
};

/**
 * `reindexDormantCandidates` for every network, one after another: once after deploying over data
 * written before the index existed (`npm run reindex-due-erasures`), or to repair.
 */
const reindexAllDormantCandidates = async () => {
  const networks: { tenantId: string; name: string; candidates: number; dormant: number }[] = [];
  for (const { id, name } of await allTenants()) {
    networks.push({ tenantId: id, name, ...(await reindexDormantCandidates(platformScopeFor(id))) });
  }
  return networks;
};

export type { DormancyChange };
export {
  dormancyAttributes,
  dormancyChange,
  dormancyItems,
  listDueErasures,
  reindexAllDormantCandidates,
  reindexDormantCandidates,
};
