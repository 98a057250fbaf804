import { KEY_PREFIXES, leadingKeysUnder } from '@socle/data/keyPrefixes';
import { tableDefinition } from '@socle/data/table';
import type { KeyAttribute } from '@socle/data/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { TableProps } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

const indexNames: readonly string[] = tableDefinition.globalSecondaryIndexes.map((i) => i.indexName);
const appendOnlyPartitions: readonly string[] = [leadingKeysUnder(KEY_PREFIXES.audit)];

/** What a function binding needs besides ITable (SocleFunction's BindableTable). */
interface BindableTableShape {
  readonly indexNames: readonly string[];
  readonly appendOnlyPartitions: readonly string[];
}

/** DynamoDB attribute types used by the definition; a new type there is a type error here. */
const attributeTypes: Record<KeyAttribute['type'], AttributeType> = { S: AttributeType.STRING };
const attribute = (key: KeyAttribute) => ({ name: key.name, type: attributeTypes[key.type] });

interface SocleTableProps extends Pick<TableProps, 'removalPolicy'> {
  /** RETAIN for stages whose data matters; DESTROY only for disposable stages. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The single table, built from `tableDefinition` (the same object DynamoDB Local is created from),
 * with the defaults fixed: on-demand, point-in-time recovery, deletion protection, AWS-managed KMS
 * encryption, TTL on `expiresAt`.
 */
class SocleTable extends Table {
  /** Names of the global secondary indexes, for grants on exactly these index ARNs. */
  readonly indexNames: readonly string[] = indexNames;
  /** The audit trails (packages/data/src/keys.ts): functions may add events, never change them. */
  readonly appendOnlyPartitions: readonly string[] = appendOnlyPartitions;

  /**
   * A table restored from a backup (point-in-time recovery restores to a new table), by name: not
   * managed by the stack (its TTL, PITR and deletion protection are set by hand, docs/operations.md),
   * bound like the stack's own, with the same index grants and audit denies.
   */
  static restored(scope: Construct, id: string, tableName: string): ITable & BindableTableShape {
    const table = Table.fromTableAttributes(scope, id, {
      tableName,
      globalIndexes: [...indexNames],
      grantIndexPermissions: true,
    });
    return Object.assign(table, { indexNames, appendOnlyPartitions });
  }

  constructor(scope: Construct, id: string, props: SocleTableProps) {
    super(scope, id, {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Protected when kept: a table the stack deletes with itself (dev) cannot be protected, or
      // `cdk destroy` fails on it.
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      removalPolicy: props.removalPolicy,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
      });
    }
  }
}

export type { BindableTableShape, SocleTableProps };
export { SocleTable };
