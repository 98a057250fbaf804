import { AUDIT_PREFIX } from '@socle/data/keys';
import { tableDefinition } from '@socle/data/table';
import type { KeyAttribute } from '@socle/data/table';
import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { TableProps } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

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
  readonly indexNames: readonly string[] = tableDefinition.globalSecondaryIndexes.map((i) => i.indexName);
  /** The audit trails (packages/data/src/keys.ts): functions may add events, never change them. */
  readonly appendOnlyPartitions: readonly string[] = [`${AUDIT_PREFIX}*`];

  constructor(scope: Construct, id: string, props: SocleTableProps) {
    super(scope, id, {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
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

export type { SocleTableProps };
export { SocleTable };
