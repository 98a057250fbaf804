import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SocleFunction } from './constructs/SocleFunction.ts';
import type { BindableTable } from './constructs/SocleFunction.ts';
import { SocleTable } from './constructs/SocleTable.ts';
import { SocleUserPool } from './constructs/SocleUserPool.ts';
import { lambdaEntry } from './repoPaths.ts';
import type { StageConfig } from './stageConfig.ts';

interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
  /** The `functions` workspace (the token trigger's entry lives there). */
  readonly functionsDir: string;
  readonly depsLockFilePath: string;
  /**
   * The name of a table restored from a backup, which the functions then use instead of the stack's
   * own table (kept, retained, untouched): the switch after a point-in-time restore
   * (docs/operations.md, "Backup and restore"). @default - the stack's own table
   */
  readonly restoredTableName?: string;
}

/**
 * What holds data: the table and the user pool. Their logical IDs must never change (a new ID is
 * a new, empty resource). The token trigger lives here too: a user pool's trigger must be in the
 * pool's stack, since the trigger needs the table and the stateless stack depends on this one.
 */
class StatefulStack extends Stack {
  /** The stack's own table (its logical ID never changes, whatever table the functions use). */
  readonly table: SocleTable;
  /** The table the functions read and write: the stack's own, or a restored one. */
  readonly dataTable: BindableTable;
  readonly userPool: SocleUserPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new SocleTable(this, 'Table', { removalPolicy });
    this.dataTable = props.restoredTableName
      ? SocleTable.restored(this, 'RestoredTable', props.restoredTableName)
      : this.table;

    const preTokenGeneration = new SocleFunction(this, 'PreTokenGeneration', {
      entry: lambdaEntry(props.functionsDir, 'preTokenGeneration'),
      depsLockFilePath: props.depsLockFilePath,
      serviceName: 'preTokenGeneration',
      logRetention: config.logRetention,
      logRemovalPolicy: removalPolicy,
    });
    // The login item only: `LOGIN#<userName>` / `LOGIN`.
    preTokenGeneration.bindTable({ table: this.dataTable, access: 'getItem', leadingKeys: ['LOGIN#*'] });

    this.userPool = new SocleUserPool(this, 'UserPool', {
      domainPrefix: config.authDomainPrefix,
      threatProtection: config.threatProtection,
      removalPolicy,
      preTokenGeneration,
    });

    new CfnOutput(this, 'TableName', { value: this.dataTable.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'Issuer', { value: this.userPool.issuerUrl });
  }
}

export type { StatefulStackProps };
export { StatefulStack };
