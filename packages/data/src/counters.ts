/**
 * Monitoring counters (SPEC §6). Every counted event adds its increments in the transaction that
 * writes the event itself (`counterUpdateFor`), so a counter can neither miss an event nor count
 * one twice: an idempotent replay or a failed condition writes nothing at all.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CountedDossier,
  type CounterIncrement,
  type CounterValues,
  type Dossier,
  countersOfEvent,
  monthsBetween,
} from '@socle/domain';
import { db } from './client.ts';
import { keys } from './keys.ts';
import type { TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import type { GuardedItem } from './transact.ts';

/** The counted fields of a dossier of a network. */
/** What counting needs of a dossier: a tombstone (erased) has it too. */
type CountableDossier = Pick<
  Dossier,
  'organismId' | 'region' | 'certification' | 'openedAt' | 'preliminaryEvaluatedOn'
>;

const countedDossierOf = (tenantId: string, dossier: CountableDossier): CountedDossier => ({
  tenantId,
  organismId: dossier.organismId,
  region: dossier.region,
  certification: dossier.certification,
  openedAt: dossier.openedAt,
  preliminaryEvaluatedOn: dossier.preliminaryEvaluatedOn,
});

/** One `ADD` of every increment of a cell; the cell's descriptive attributes are set on first use. */
const counterUpdate = ({ cell, increments }: CounterIncrement): GuardedItem => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds = Object.entries(increments).map(([field, amount], i) => {
    names[`#c${i}`] = field;
    values[`:c${i}`] = amount;
    return `#c${i} :c${i}`;
  });
  const { pk, sk, ...indexes } = keys.counterCell(cell);
  const descriptive = { ...indexes, itemType: 'Counter', ...cell };
  const sets = Object.entries(descriptive).map(([field, value], i) => {
    names[`#d${i}`] = field;
    values[`:d${i}`] = value;
    return `#d${i} = :d${i}`;
  });
  return {
    item: {
      Update: {
        TableName: tableName(),
        Key: { pk, sk },
        UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
};

/** The counter update an audited event of a dossier requires, if the event is counted. */
const counterUpdateFor = (
  scope: TenantScope,
  dossier: Dossier,
  event: { action: string; at: string; toStatus?: string },
): GuardedItem[] => {
  const increment = countersOfEvent(event, countedDossierOf(scope.tenantId, dossier));
  return increment ? [counterUpdate(increment)] : [];
};

const stripKeys = (item: Record<string, unknown>): CounterValues => {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, itemType: _t, ...cell } = item;
  return cell as CounterValues;
};

/** Reads every page of one query (counter ranges are small: organisms × certifications per month). */
const queryPages = async (input: ConstructorParameters<typeof QueryCommand>[0]) => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

interface CounterRead {
  cells: CounterValues[];
  /** Items DynamoDB returned: what a dashboard costs (independent of the number of dossiers). */
  itemsRead: number;
}

/** A network's cells over a month range: one query on its own partition. */
const readTenantCounters = async (scope: TenantScope, from: string, to: string): Promise<CounterRead> => {
  const items = await queryPages({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.tenantCounters(scope).pk, ':from': from, ':to': `${to}#\uffff` },
  });
  return { cells: items.map(stripKeys), itemsRead: items.length };
};

/** Months read at once by the national and regional views (one query each). */
const MONTH_QUERY_CONCURRENCY = 8;

/** Every network's cells over a month range, optionally one region's: one query per month. */
const readAllCounters = async (from: string, to: string, region?: string): Promise<CounterRead> => {
  const months = monthsBetween(from, to);
  const cells: CounterValues[] = [];
  for (let i = 0; i < months.length; i += MONTH_QUERY_CONCURRENCY) {
    const pages = await Promise.all(
      months.slice(i, i + MONTH_QUERY_CONCURRENCY).map((month) => {
        const source = keys.countersOfMonth(month);
        return queryPages({
          TableName: tableName(),
          IndexName: source.index,
          KeyConditionExpression: region ? 'gsi1pk = :pk AND begins_with(gsi1sk, :region)' : 'gsi1pk = :pk',
          ExpressionAttributeValues: region
            ? { ':pk': source.pk, ':region': `${region}#` }
            : { ':pk': source.pk },
        });
      }),
    );
    for (const page of pages) cells.push(...page.map(stripKeys));
  }
  return { cells, itemsRead: cells.length };
};

export type { CounterRead };
export { counterUpdate, counterUpdateFor, countedDossierOf, readAllCounters, readTenantCounters };
