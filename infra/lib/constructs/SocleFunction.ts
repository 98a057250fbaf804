import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { TENANT_ROLE_ARN_ENV, TENANT_SESSION_TAG } from '@socle/data/tenantSession';
import {
  ArnPrincipal,
  Effect,
  Grant,
  PolicyStatement,
  Role,
  ServicePrincipal,
  SessionTagsPrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { nodejsBundling } from '../lambdaBundling.ts';

/**
 * `getItem`: single-item reads only (the token trigger). `query`, `batchGet`, `update`: that one
 * action only (the notification functions, each grant on its own partitions). `read`: GetItem,
 * BatchGetItem, Query.
 * `append`: read plus PutItem only, for append-only partitions (audit trails).
 * `readWrite`: read plus item writes, batch writes and transaction condition checks.
 * Scan is never granted: a `ForAllValues` condition holds vacuously when a request carries no
 * leading key, so a Scan would slip past the `dynamodb:LeadingKeys` restriction below.
 */
type TableAccess = 'getItem' | 'query' | 'batchGet' | 'update' | 'read' | 'append' | 'readWrite';

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
/** What may change or remove an existing item: denied on append-only partitions. */
const modifyActions = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** PartiQL writes: Socle never uses PartiQL, so they are denied on the whole table. */
const partiqlWriteActions = ['dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'];
const tableActions: Record<TableAccess, readonly string[]> = {
  getItem: ['dynamodb:GetItem'],
  query: ['dynamodb:Query'],
  batchGet: ['dynamodb:BatchGetItem'],
  update: ['dynamodb:UpdateItem'],
  read: readActions,
  append: [...readActions, 'dynamodb:PutItem'],
  readWrite: [
    ...readActions,
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/** A table and its index names (SocleTable): grants name each index instead of `index/*`. */
interface BindableTable extends ITable {
  readonly indexNames: readonly string[];
  /**
   * Partition key patterns whose items may be created but never changed nor removed (audit
   * trails): every function bound to the table is denied UpdateItem, DeleteItem and
   * BatchWriteItem on them, whatever it is allowed elsewhere. @default - none
   */
  readonly appendOnlyPartitions?: readonly string[];
}

interface TableBinding {
  readonly table: BindableTable;
  readonly access: TableAccess;
  /**
   * Partition key patterns (IAM `StringLike`, `*` wildcard) the function may touch, checked on
   * `dynamodb:LeadingKeys`: the partition key of the item, or of the index for a Query on a GSI.
   * @default - no restriction on partition keys
   */
  readonly leadingKeys?: readonly string[];
}

/** A file copied into the bundle, next to `index.mjs` (the Lambda's `/var/task`). */
interface BundleFile {
  /** Absolute path, under the bundling root (the lock file's folder), e.g. in `node_modules`. */
  readonly source: string;
  /** Relative path in the bundle, e.g. `fonts/DejaVuSans.ttf` (lands at `/var/task/fonts/…`). */
  readonly target: string;
}

/** What happens to asynchronous invocations (EventBridge, S3…) that fail. */
interface AsyncInvocation {
  /** Retries after the first failed attempt (0-2). */
  readonly retryAttempts: number;
  /** Events older than this are not retried but sent to the dead-letter queue (1 min - 6 h). */
  readonly maxEventAge: Duration;
  /** Receives the events that failed every attempt. */
  readonly deadLetterQueue: IQueue;
}

interface SocleFunctionProps {
  /** The handler file; it exports `handler`. */
  readonly entry: string;
  /** The repository's lock file: its folder is the bundling root (workspaces resolve from there). */
  readonly depsLockFilePath: string;
  /** `POWERTOOLS_SERVICE_NAME`, and the function's description. */
  readonly serviceName: string;
  readonly logRetention: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default - only the variables set here and by `bindTable` */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /**
   * Files the code reads at run time, copied into the bundle after esbuild (which only bundles
   * imported code). @default - the bundle only
   */
  readonly bundleFiles?: readonly BundleFile[];
  /** @default - Lambda's defaults: 2 retries, events up to 6 h old, failed events dropped */
  readonly asyncInvocation?: AsyncInvocation;
}

/**
 * The bundle files as paths relative to the bundling root (the lock file's folder), checked at
 * construction so that a wrong path fails every synth, not only the bundling ones.
 */
const relativeBundleFiles = (projectRoot: string, files: readonly BundleFile[]) =>
  files.map(({ source, target }) => {
    const from = relative(projectRoot, source);
    const to = normalize(target);
    if (!isAbsolute(source) || from.startsWith('..') || isAbsolute(from)) {
      throw new Error(`Bundle file ${source} must be an absolute path under ${projectRoot}`);
    }
    if (isAbsolute(to) || to.startsWith('..')) {
      throw new Error(`Bundle target ${target} must be a relative path inside the bundle`);
    }
    return { from, to };
  });

/**
 * `afterBundling` commands copying the files from the bundling root (`inputDir`: the lock file's
 * folder when bundling locally, `/asset-input` in Docker) into the bundle (`outputDir`).
 */
const copyCommands = (
  files: readonly { from: string; to: string }[],
  inputDir: string,
  outputDir: string,
): string[] => [
  ...new Set(files.map(({ to }) => `mkdir -p "${join(outputDir, dirname(to))}"`)),
  ...files.map(({ from, to }) => `cp "${join(inputDir, from)}" "${join(outputDir, to)}"`),
];

/**
 * A Node.js Lambda with Socle's defaults fixed: Node 24 on arm64, ESM bundle with source maps,
 * X-Ray tracing, 10 s / 512 MB unless told otherwise, its own log group with retention, a role
 * that may only write to that log group (no AWS managed policy), and an alarm on errors.
 */
/** The Lambdas' Node.js: development and the test suite run the same major (root package.json's `node`). */
const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

class SocleFunction extends NodejsFunction {
  readonly errorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SocleFunctionProps) {
    // The log group and role are created before the function (siblings) so that the function
    // starts with them instead of the default role carrying AWSLambdaBasicExecutionRole.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.serviceName} function`,
    });
    logGroup.grantWrite(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    });

    const bundleFiles = relativeBundleFiles(dirname(props.depsLockFilePath), props.bundleFiles ?? []);

    super(scope, id, {
      entry: props.entry,
      depsLockFilePath: props.depsLockFilePath,
      description: `Socle ${props.serviceName}`,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      ...(props.asyncInvocation && {
        retryAttempts: props.asyncInvocation.retryAttempts,
        maxEventAge: props.asyncInvocation.maxEventAge,
        deadLetterQueue: props.asyncInvocation.deadLetterQueue,
      }),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        ...nodejsBundling(),
        commandHooks:
          bundleFiles.length > 0
            ? {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  copyCommands(bundleFiles, inputDir, outputDir),
              }
            : undefined,
      },
    });

    this.errorsAlarm = this.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, 'ErrorsAlarm', {
      alarmDescription: `${props.serviceName}: the function threw or timed out`,
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * Grants item access to the table and sets `TABLE_NAME`. With `leadingKeys`, every statement
   * carries `ForAllValues:StringLike` on `dynamodb:LeadingKeys`.
   *
   * All requests of a function share one execution role, and the tenant is only known per request
   * (from the verified token): a tenant route's requests are signed with the tenant role's
   * credentials instead (`bindTenantTable`), so this role needs tenant partitions (`T#*`) only for
   * the function's routes and jobs that are not scoped to one tenant.
   */
  bindTable({ table, access, leadingKeys }: TableBinding): Grant {
    this.addEnvironment('TABLE_NAME', table.tableName);
    return grantTable(this, this.appendOnlyDenied, { table, access, leadingKeys });
  }

  private readonly appendOnlyDenied = new Set<BindableTable>();

  /**
   * The role this function assumes for the requests of a tenant route, tagging its session with
   * the caller's network (`TENANT_SESSION_TAG`, packages/data/src/client.ts): only this function's
   * execution role may assume it, and only with that one tag. Created on first use; its ARN is
   * `TENANT_ROLE_ARN`.
   */
  get tenantRole(): Role {
    if (!this.tenantAccessRole) {
      const role = new Role(this, 'TenantRole', {
        assumedBy: new SessionTagsPrincipal(new ArnPrincipal(this.role!.roleArn)).withConditions({
          StringLike: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: '?*' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_SESSION_TAG] },
        }),
        description: `Tenant-scoped access of the ${this.node.id} function (session tag ${TENANT_SESSION_TAG})`,
      });
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [role.roleArn] }),
      );
      this.addEnvironment(TENANT_ROLE_ARN_ENV, role.roleArn);
      this.tenantAccessRole = role;
    }
    return this.tenantAccessRole;
  }

  /**
   * Denies every item action on partitions matching `leadingKeys` (`ForAnyValue`: one such key in
   * a request denies it), to the execution role and to the tenant role if the function has one:
   * call after the grants. A deny wins over any allow, including a wider pattern granted above.
   */
  denyPartitions(table: BindableTable, leadingKeys: readonly string[]): void {
    const resources = [table.tableArn, ...table.indexNames.map((name) => `${table.tableArn}/index/${name}`)];
    for (const role of [this.role!, ...(this.tenantAccessRole ? [this.tenantAccessRole] : [])]) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.DENY,
          actions: [...tableActions.readWrite],
          resources,
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] } },
        }),
      );
    }
  }

  private tenantAccessRole?: Role;
  private readonly tenantAppendOnlyDenied = new Set<BindableTable>();

  /**
   * Grants item access to the tenant role (see `tenantRole`): `leadingKeys` may name the session's
   * tenant with the policy variable `${aws:PrincipalTag/tenantId}` (`TENANT_TAG_VARIABLE`).
   */
  bindTenantTable({ table, access, leadingKeys }: TableBinding): Grant {
    this.addEnvironment('TABLE_NAME', table.tableName);
    return grantTable(this.tenantRole, this.tenantAppendOnlyDenied, { table, access, leadingKeys });
  }
}

/** `${aws:PrincipalTag/tenantId}`: the tenant of the session, in a tenant role's conditions. */
const TENANT_TAG_VARIABLE = `\${aws:PrincipalTag/${TENANT_SESSION_TAG}}`;

/** Grants `access` to `grantee`, with the append-only denies of the table added once per grantee. */
const grantTable = (
  grantee: IGrantable,
  denied: Set<BindableTable>,
  { table, access, leadingKeys }: TableBinding,
): Grant => {
  // Only a Query reads an index.
  const itemOnly = access === 'getItem' || access === 'batchGet' || access === 'update';
  const indexArns = itemOnly ? [] : table.indexNames.map((name) => `${table.tableArn}/index/${name}`);
  if (!denied.has(table)) {
    denied.add(table);
    for (const statement of appendOnlyDenies(table)) grantee.grantPrincipal.addToPrincipalPolicy(statement);
  }
  return Grant.addToPrincipal({
    grantee,
    actions: [...tableActions[access]],
    resourceArns: [table.tableArn, ...indexArns],
    conditions: leadingKeys
      ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] } }
      : undefined,
  });
};

/**
 * Explicit denies (they win over any allow, including one added later by hand): no UpdateItem,
 * DeleteItem or BatchWriteItem on the table's append-only partitions, and no PartiQL write at
 * all. `ForAnyValue`: one append-only key in a batch is enough to deny it (a `ForAllValues`
 * deny would let a batch mixing it with other keys through). A PutItem could still replace an
 * item, and IAM cannot see a request's condition expression: the data layer writes every audit
 * event with `attribute_not_exists(pk)` (packages/data/src/audit.ts), tested there.
 */
const appendOnlyDenies = (table: BindableTable): PolicyStatement[] => {
  const resources = [table.tableArn, ...table.indexNames.map((name) => `${table.tableArn}/index/${name}`)];
  if (!table.appendOnlyPartitions?.length) return [];
  return [
    new PolicyStatement({
      effect: Effect.DENY,
      actions: modifyActions,
      resources,
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...table.appendOnlyPartitions] } },
    }),
    new PolicyStatement({ effect: Effect.DENY, actions: partiqlWriteActions, resources }),
  ];
};

export type { AsyncInvocation, BindableTable, BundleFile, SocleFunctionProps, TableAccess, TableBinding };
export { LAMBDA_RUNTIME, SocleFunction, TENANT_TAG_VARIABLE, modifyActions, partiqlWriteActions };
