/**
 * The single table, described once. The CDK stack and the local stack (DynamoDB Local) both build
 * the table from this definition, so what runs locally has the same keys and indexes as AWS.
 */

interface KeyAttribute {
  readonly name: string;
  readonly type: 'S';
}

interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

const tableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** Generic index slots; entities name the access pattern each one serves (docs/data-model.md). */
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
    },
    {
      indexName: 'gsi4',
      partitionKey: { name: 'gsi4pk', type: 'S' },
      sortKey: { name: 'gsi4sk', type: 'S' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
} as const satisfies {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: readonly IndexDefinition[];
  timeToLiveAttribute: string;
};

type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/**
 * Which index serves each access pattern (docs/data-model.md): the one place an index is named.
 * Items of different entities share a slot; their partition keys never collide (keyPrefixes.ts).
 */
const INDEXES = {
  tenantsByName: 'gsi1',
  loginsByEmail: 'gsi1',
  dossiersByIdentity: 'gsi1',
  dossiersByTenant: 'gsi1',
  dossiersByStatus: 'gsi2',
  dossiersByOrganism: 'gsi3',
  deadlinesByMonth: 'gsi4',
  dormantCandidates: 'gsi4',
  referentielsByCertification: 'gsi1',
  certificatesBySession: 'gsi1',
  certificatesByYear: 'gsi2',
  certificatesByTenant: 'gsi3',
  paperCopiesByStatus: 'gsi4',
  countersByMonth: 'gsi1',
  pendingMessages: 'gsi1',
} as const satisfies Record<string, IndexName>;

/** Read lazily so that modules import cleanly in tests and tools before the env is set. */
const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};

export type { IndexDefinition, IndexName, KeyAttribute };
export { INDEXES, tableDefinition, tableName };
