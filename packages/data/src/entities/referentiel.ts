/**
 * A référentiel version (`REF#<id>` / `REFERENTIEL`): the grid, thresholds and limits; immutable once
 * published. Index: gsi1 "referentielsByCertification" (the national admin's list, read with a
 * projection: no grid). The version new dossiers open under is a pointer item of its own
 * (`REF#CURRENT#<certification>` / `CURRENT`). Keys: keys.ts (`referentiel`, `referentielListing`,
 * `currentReferentiel`).
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ReferentielOut, ReferentielSummary } from '@socle/domain';
import type * as z from 'zod';
import { FIXED_PARTITIONS } from '../keyPrefixes.ts';
import { INDEXES, tableName } from '../table.ts';
import { itemReader } from './storedItem.ts';

const referentielIndexes = { byCertification: INDEXES.referentielsByCertification } as const;

/** Stored as the API describes it, but for `current` (read from the pointer item). */
const ReferentielItem = ReferentielOut.omit({ current: true });
type StoredReferentiel = z.output<typeof ReferentielItem>;

/** What the list projects of a version: its summary, no grid. */
const ReferentielListingItem = ReferentielSummary.omit({ current: true });
type ListedReferentiel = z.output<typeof ReferentielListingItem>;

const referentielFromItem = itemReader('referentiel', ReferentielItem);
const referentielListingFromItem = itemReader('referentiel listing', ReferentielListingItem);

/** One page of the versions list (gsi1 "referentielsByCertification"), summaries only. */
const referentielListingQuery = (startKey?: Record<string, unknown>): QueryCommandInput => ({
  TableName: tableName(),
  IndexName: referentielIndexes.byCertification,
  KeyConditionExpression: `${referentielIndexes.byCertification}pk = :pk`,
  ExpressionAttributeValues: { ':pk': FIXED_PARTITIONS.referentielsByCertification },
  ProjectionExpression:
    'id, certification, label, title, #status, counts, publishedAt, version, createdAt, updatedAt',
  ExpressionAttributeNames: { '#status': 'status' },
  ExclusiveStartKey: startKey,
});

export type { ListedReferentiel, StoredReferentiel };
export {
  ReferentielItem,
  ReferentielListingItem,
  referentielFromItem,
  referentielIndexes,
  referentielListingFromItem,
  referentielListingQuery,
};
