import { KEY_PREFIXES, leadingKeysUnder } from '@socle/data/keyPrefixes';
import { CfnOutput, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { SocleEmail } from './constructs/SocleEmail.ts';
import { SocleFunction } from './constructs/SocleFunction.ts';
import type { BindableTable } from './constructs/SocleFunction.ts';
import { SocleTable } from './constructs/SocleTable.ts';
import { SocleUserPool } from './constructs/SocleUserPool.ts';
import { lambdaEntry } from './repoPaths.ts';
import type { StageConfigWithEmail } from './stageConfig.ts';

interface StatefulStackProps extends StackProps {
  readonly config: StageConfigWithEmail;
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
 * The keys secret's value until an operator stores a key pair: valid JSON that the functions report
 * as "not configured" (functions/src/credentials.ts). CloudFormation only writes it at creation and
 * when this template value changes: never change it, or a deploy would overwrite the real keys.
 */
const CREDENTIAL_KEYS_PLACEHOLDER = '{"status":"not_configured"}';

/**
 * What holds data: the table, the user pool and the credential signing keys. Their logical IDs must never change (a new ID is
 * a new, empty resource). The token trigger lives here too: a user pool's trigger must be in the
 * pool's stack, since the trigger needs the table and the stateless stack depends on this one.
 */
class StatefulStack extends Stack {
  /** The stack's own table (its logical ID never changes, whatever table the functions use). */
  readonly table: SocleTable;
  /** The table the functions read and write: the stack's own, or a restored one. */
  readonly dataTable: BindableTable;
  readonly userPool: SocleUserPool;
  /**
   * The Open Badges signing keys (Ed25519 JWK pair), filled once by the operator. Data: every
   * credential ever exported is verified with them, so the secret is retained, whatever the stage.
   */
  readonly credentialKeys: Secret;
  readonly email: SocleEmail;

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
    preTokenGeneration.bindTable({
      table: this.dataTable,
      access: 'getItem',
      leadingKeys: [leadingKeysUnder(KEY_PREFIXES.login)],
    });

    // Socle's sender: the domain identity and configuration set (kept with the data: the DKIM
    // records in the domain's DNS name this identity).
    this.email = new SocleEmail(this, 'Email', { domain: config.email.domain });

    // Builds the French emails; reads and writes nothing, so its role has no grant beyond its logs.
    const customMessage = new SocleFunction(this, 'CustomMessage', {
      entry: lambdaEntry(props.functionsDir, 'customMessage'),
      depsLockFilePath: props.depsLockFilePath,
      serviceName: 'customMessage',
      logRetention: config.logRetention,
      logRemovalPolicy: removalPolicy,
      environment: config.siteUrl ? { SITE_URL: config.siteUrl } : undefined,
    });

    this.userPool = new SocleUserPool(this, 'UserPool', {
      domainPrefix: config.authDomainPrefix,
      threatProtection: config.threatProtection,
      removalPolicy,
      preTokenGeneration,
      customMessage,
      sesSender: config.email.cognitoSendsWithSes
        ? {
            domain: this.email.domain,
            fromAddress: this.email.fromAddress,
            fromName: this.email.fromName,
            configurationSetName: this.email.configurationSet.configurationSetName,
          }
        : undefined,
    });
    // The trigger asks Cognito whether an admin has enrolled TOTP (functions/src/tokenClaims.ts).
    // A policy of its own, not the role's default one: the function waits for its default policy,
    // and the pool waits for the function (its trigger), so naming the pool there would be a cycle.
    new Policy(this, 'PreTokenGenerationReadsUsers', {
      roles: [preTokenGeneration.role!],
      statements: [
        new PolicyStatement({
          actions: ['cognito-idp:AdminGetUser'],
          resources: [this.userPool.userPoolArn],
        }),
      ],
    });

    this.credentialKeys = new Secret(this, 'CredentialSigningKeys', {
      description: 'Open Badges signing keys (Ed25519 JWK pair) of Socle',
      secretStringValue: SecretValue.unsafePlainText(CREDENTIAL_KEYS_PLACEHOLDER),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.credentialKeys).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Signing keys rotate by publishing a new key in the JWKS first; an automatic rotation would invalidate issued credentials.',
    });

    new CfnOutput(this, 'TableName', { value: this.dataTable.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'Issuer', { value: this.userPool.issuerUrl });
    // Where the operator stores the key pair (docs/operations.md, first deploy).
    new CfnOutput(this, 'CredentialSigningKeysArn', { value: this.credentialKeys.secretArn });
  }
}

export type { StatefulStackProps };
export { CREDENTIAL_KEYS_PLACEHOLDER, StatefulStack };
