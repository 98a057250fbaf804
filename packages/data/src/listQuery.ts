/**
 * Lists read from one index partition with filters: a page that is never misleadingly empty, a
 * bounded total and every row for an export, all from the same description of the query, so the
 * three can never disagree about which items a list holds.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { tableName } from './table.ts';

type RawItem = Record<string, unknown>;

/** One list: an index partition, the filters on its items, the key order read. */
interface ListQuerySpec {
  index: string;
  pk: string;
  filters: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
  /** Descending sort key (ids and dates sort as time): newest first. */
  newestFirst: boolean;
}

/** Longest run of index pages one list page reads when filters drop most items. */
const MAX_READS_PER_PAGE = 10;

/** Index pages (up to 1 MB each) a total reads before it says "more than". */
const MAX_READS_PER_TOTAL = 25;

const queryInput = (spec: ListQuerySpec): QueryCommandInput => ({
  TableName: tableName(),
  IndexName: spec.index,
  KeyConditionExpression: `${spec.index}pk = :pk`,
  FilterExpression: spec.filters.length ? spec.filters.join(' AND ') : undefined,
  ExpressionAttributeNames: Object.keys(spec.names).length ? spec.names : undefined,
  ExpressionAttributeValues: { ...spec.values, ':pk': spec.pk },
  ScanIndexForward: !spec.newestFirst,
});

/** The start key that resumes reading right after an item: its table and index keys. */
const keyAfter = (spec: ListQuerySpec, item: RawItem): Record<string, unknown> => ({
  pk: item.pk,
  sk: item.sk,
  [`${spec.index}pk`]: item[`${spec.index}pk`],
  [`${spec.index}sk`]: item[`${spec.index}sk`],
});

/**
 * One page of a list. It reads one item past the page (bounded reads) so that a cursor is given
 * only when another item exists: the next page is then never empty. Items read beyond it are left
 * for the next page (its cursor is the last item shown). When filters drop so many items that the
 * reads run out before the look-ahead is settled, the cursor resumes where reading stopped.
 */
const readListPage = async (
  spec: ListQuerySpec,
  page: { cursor?: string; limit: number },
): Promise<{ items: RawItem[]; cursor?: string }> => {
  const items: RawItem[] = [];
  let startKey: Record<string, unknown> | undefined = decodeCursor(page.cursor, {
    attribute: `${spec.index}pk`,
    value: spec.pk,
  });
  for (let read = 0; read < MAX_READS_PER_PAGE && items.length <= page.limit; read++) {
    const result = await db().send(
      new QueryCommand({
        ...queryInput(spec),
        ExclusiveStartKey: startKey,
        // What is still missing, doubled at each further read: a list its filters barely thin reads
        // one page, a rare search reaches far (each read stays under DynamoDB's 1 MB) in few reads.
        Limit: (page.limit + 1 - items.length) * 2 ** read,
      }),
    );
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
    if (!startKey) break;
  }
  if (items.length > page.limit) {
    const kept = items.slice(0, page.limit);
    return { items: kept, cursor: encodeCursor(keyAfter(spec, kept[kept.length - 1] as RawItem)) };
  }
  return { items, cursor: encodeCursor(startKey) };
};

/** A list's total: exact, or a lower bound (`approximate`) when counting it would read too much. */
interface ListTotal {
  total: number;
  approximate: boolean;
}

/** Counts a list's items (`Select: COUNT`: no item is sent back), reading at most a bounded number of pages. */
const countList = async (spec: ListQuerySpec): Promise<ListTotal> => {
  let total = 0;
  let startKey: Record<string, unknown> | undefined;
  for (let read = 0; read < MAX_READS_PER_TOTAL; read++) {
    const result = await db().send(
      new QueryCommand({ ...queryInput(spec), Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    total += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
    if (!startKey) return { total, approximate: false };
  }
  return { total, approximate: true };
};

/** Every item of a list, page after page, in the list's order; stops past `maxItems` (the caller refuses). */
const readWholeList = async (spec: ListQuerySpec, maxItems: number): Promise<RawItem[]> => {
  const items: RawItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await db().send(new QueryCommand({ ...queryInput(spec), ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey && items.length <= maxItems);
  return items;
};

/**
 * Filters matching a free-text search against the stored folded name (`searchName`): every word
 * must occur, in any order, so "Prénom NOM" finds what "NOM Prénom" finds.
 */
const addSearchFilters = (spec: ListQuerySpec, terms: readonly string[]): void => {
  terms.forEach((term, i) => {
    spec.filters.push(`contains(searchName, :q${i})`);
    spec.values[`:q${i}`] = term;
  });
};

export type { ListQuerySpec, ListTotal, RawItem };
export { addSearchFilters, countList, queryInput, readListPage, readWholeList };
