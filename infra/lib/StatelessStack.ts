import { join } from 'node:path';
import { ORIGIN_SECRET_ARN_ENV, ORIGIN_SECRET_HEADER } from '@socle/functions/clientAddress';
import { timeoutSecondsOf } from '@socle/functions/lambdaTimeouts';
import { routes } from '@socle/contract/routes';
import {
  FIXED_PARTITIONS as FIXED,
  KEY_PREFIXES as P,
  TENANT_PARTITION_SUFFIXES as SUB,
  leadingKeysUnder as under,
  tenantPartitionsEnding,
} from '@socle/data/keyPrefixes';
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE, SocleMetric } from '@socle/functions/metricNames';
import { Monitoring } from './constructs/Monitoring.ts';
import { Notifications } from './constructs/Notifications.ts';
import type { MonitoredFunction } from './constructs/Monitoring.ts';
import { ScheduledJob } from './constructs/ScheduledJob.ts';
import { SocleApi } from './constructs/SocleApi.ts';
import { SocleFunction } from './constructs/SocleFunction.ts';
import type { BindableTable, TableAccess } from './constructs/SocleFunction.ts';
import { isTenantPattern, narrowToTenant } from './tenantKeys.ts';
import type { SocleUserPool } from './constructs/SocleUserPool.ts';
import { authDomainUrlOf } from './constructs/SocleUserPool.ts';
import type { SocleEmail } from './constructs/SocleEmail.ts';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { WebClient } from './constructs/WebClient.ts';
import { WebHosting } from './constructs/WebHosting.ts';
import { isPublicPath, publicPathPrefixes } from './publicPaths.ts';
import { lambdaEntry } from './repoPaths.ts';
import type { StageConfig } from './stageConfig.ts';

/** The API Lambdas: one per bounded context, as named by the route table. */
type LambdaName = (typeof routes)[number]['lambda'];

interface TablePermissions {
  readonly table: TableAccess;
  /** Partition keys the function may touch (`dynamodb:LeadingKeys`); `T#*` = tenant partitions. */
  readonly leadingKeys: readonly [string, ...string[]];
  /**
   * Partition keys the function may also read, never write: a second statement with the read
   * actions only (GetItem, BatchGetItem, Query). @default - none
   */
  readonly reads?: readonly [string, ...string[]];
  /**
   * Audit trails the function appends to and reads (`AUDIT#T#*`: the tenant trails, dossiers'
   * included; `AUDIT#PLATFORM`): PutItem and the read actions only. Nobody may change or delete
   * an audit event (SocleFunction denies it on every role). @default - none
   */
  readonly audits?: readonly [string, ...string[]];
  /**
   * Partitions the function may never reach, although a wider grant above matches them: an explicit
   * deny of every item action, on its tenant role too. @default - none
   */
  readonly never?: readonly [string, ...string[]];
}

interface LambdaPermissions extends TablePermissions {
  /** Invites, disables and enables Cognito users (gets `USER_POOL_ID`). */
  readonly managesUsers: boolean;
  /** Signs or checks Open Badges credentials (reads the signing keys secret). */
  readonly signsCredentials?: boolean;
}

/**
 * Every network's candidates' and dossiers' partitions (`T#*#C#*`, `T#*#D#*`): personal data, which
 * a function reading only networks' own items (`T#<t>`) or counters (`T#<t>#STATS`) never needs.
 */
const PERSONAL_PARTITIONS: readonly [string, ...string[]] = [
  `${tenantPartitionsEnding(SUB.candidate)}*`,
  `${tenantPartitionsEnding(SUB.dossier)}*`,
];

/**
 * What each Lambda may do. A `Record` over the Lambda names, so a new Lambda in the route table
 * does not deploy until someone decides its access here (type error otherwise).
 * Key patterns: docs/data-model.md; every pattern is built from the key prefixes the data layer
 * builds its keys from (packages/data/src/keyPrefixes.ts), never written here.
 */
const lambdaPermissions: Record<LambdaName, LambdaPermissions> = {
  // GET /me reads the caller's tenant item.
  meta: { table: 'read', leadingKeys: [under(P.tenant)], never: PERSONAL_PARTITIONS, managesUsers: false },
  // Tenants (gsi1 `TENANTS`), network admins' logins (`LOGIN#`, `EMAIL#`, gsi1 `LOGINS`),
  // idempotency (`PLATFORM#IDEM#`, no other platform partition); the platform trail and the new
  // admin's tenant trail.
  platform: {
    table: 'readWrite',
    leadingKeys: [
      FIXED.tenantsByName,
      FIXED.loginsByEmail,
      under(P.login),
      under(P.emailClaim),
      under(P.platformIdempotency),
      under(P.tenant),
    ],
    audits: [FIXED.platformAudit, under(P.tenantAudit)],
    managesUsers: true,
  },
  // Organisms and staff of the caller's tenant, and the staff's logins; the tenant trail.
  network: {
    table: 'readWrite',
    leadingKeys: [under(P.tenant), under(P.login), under(P.emailClaim)],
    audits: [under(P.tenantAudit)],
    managesUsers: true,
  },
  // Dossiers of the caller's tenant and their trails; opening one reads the current référentiel
  // (`REF#CURRENT#<certification>`).
  dossiers: {
    table: 'readWrite',
    leadingKeys: [under(P.tenant)],
    reads: [under(P.referentiel)],
    audits: [under(P.tenantAudit)],
    managesUsers: false,
  },
  // National référentiels: versions and current pointers (`REF#`), the version list (gsi1
  // `REFERENTIELS`), idempotency (`PLATFORM#IDEM#`); the platform trail.
  referentiels: {
    table: 'readWrite',
    leadingKeys: [under(P.referentiel), FIXED.referentielsByCertification, under(P.platformIdempotency)],
    audits: [FIXED.platformAudit],
    managesUsers: false,
  },
  // Evaluations live in their dossier's partition; they are scored against a published
  // référentiel version (`REF#`).
  evaluations: {
    table: 'readWrite',
    leadingKeys: [under(P.tenant)],
    reads: [under(P.referentiel)],
    audits: [under(P.tenantAudit)],
    managesUsers: false,
  },
  // Renders PDFs from a dossier, its evaluations, tenant and organism, and its référentiel; the
  // minutes of a jury session from the session and its agenda (`JSESSION#`) and the region's jury
  // (`JURY#`); a candidate's subject access PDF, whose reading is audited (`AUDIT#T#`); usage
  // statements from the counters and the fee schedules (`PLATFORM#FEES`), the national statement
  // from every network (gsi1 `TENANTS`) and the month's counters (gsi1 `STATS#`); the retention the
  // subject access PDF states (`PLATFORM#DATA_PROTECTION`). Its one write: the first download of a
  // portfolio records its issuance on the dossier (audited, counted in `T#<t>#STATS`).
  documents: {
    table: 'readWrite',
    leadingKeys: [under(P.tenant)],
    reads: [
      under(P.referentiel),
      under(P.jury),
      under(P.jurySession),
      under(P.certificate),
      FIXED.feeSchedules,
      FIXED.dataProtectionSettings,
      FIXED.tenantsByName,
      under(P.countersByMonth),
    ],
    audits: [under(P.tenantAudit)],
    managesUsers: false,
  },
  // Jury members and their logins (`JURY#`, `LOGIN#`, `EMAIL#`, gsi1 `LOGINS`), sessions and agendas
  // (`JSESSION#`), the dossiers they decide on (`T#`), certificates (`CERT#`), idempotency
  // (`PLATFORM#IDEM#`) and the jury rules (`PLATFORM#JURY`, set by the national admin); eligibility
  // is re-checked against the référentiel (`REF#`). Members' convocations, reschedules and
  // cancellations are queued in the outbox (`OUTBOX#<id>`). The platform trail and the trails of the
  // dossiers they read and decide on.
  juries: {
    table: 'readWrite',
    leadingKeys: [
      under(P.jury),
      under(P.jurySession),
      under(P.tenant),
      under(P.certificate),
      under(P.login),
      under(P.emailClaim),
      FIXED.loginsByEmail,
      under(P.platformIdempotency),
      FIXED.jurySettings,
      under(P.outbox),
    ],
    reads: [under(P.referentiel)],
    audits: [FIXED.platformAudit, under(P.tenantAudit)],
    managesUsers: true,
  }, // Public verification: reads a certificate by its code, counts requests per client (`RATE#`),
  // reads the Open Badges status lists it signs for wallets (`STATUSLIST`).
  verification: {
    table: 'readWrite',
    leadingKeys: [under(P.rateLimit)],
    reads: [under(P.certificate), FIXED.statusList],
    managesUsers: false,
    signsCredentials: true,
  },
  // Data protection: the retention setting (`PLATFORM#DATA_PROTECTION`, the national admin) and
  // the platform trail; a candidate's export and erasure in their network (`T#`: candidate, dossiers,
  // evaluations, plans) with the register (`CERT#`: the holder reduced to first name and initial) and
  // the jury agendas (`JSESSION#`, found through the region's sessions `JURY#`); the dossiers' and
  // the network's trails (exports and erasures are audited, never the trail changed). The list of
  // candidates whose erasure is due queries gsi4 `T#<t>#DORMANT` (a tenant key: within `T#*`) and
  // reads the retention: nothing more.
  privacy: {
    table: 'readWrite',
    leadingKeys: [under(P.tenant), under(P.certificate), under(P.jurySession), FIXED.dataProtectionSettings],
    reads: [under(P.jury)],
    audits: [under(P.tenantAudit), FIXED.platformAudit],
    managesUsers: false,
  },
  // The register: certificates by code, by year (gsi2 `CERTS#<yyyy>`) and by network (gsi3
  // `T#<t>#CERTS`); revocation writes the certificate and the platform trail. An Open Badge export
  // allocates the certificate's status-list index and a revocation sets its bit (`STATUSLIST`).
  // A paper copy sent queues the holder's email in their candidate partition (`T#*#C#*`, `MSG#`).
  certificates: {
    table: 'readWrite',
    leadingKeys: [under(P.certificate), FIXED.statusList, `${tenantPartitionsEnding(SUB.candidate)}*`],
    reads: [under(P.certificateListing), under(P.tenant), under(P.paperCopiesByStatus)],
    audits: [FIXED.platformAudit],
    managesUsers: false,
    signsCredentials: true,
  },
  // Monitoring: fee schedules (`PLATFORM#FEES`, written by the national admin) and the platform
  // trail; reads the counters (a network's `T#<t>#STATS`, gsi1 `STATS#<yyyy-mm>` per month), the
  // networks' and organisms' names (`T#`, gsi1 `TENANTS`).
  stats: {
    table: 'readWrite',
    leadingKeys: [FIXED.feeSchedules],
    reads: [under(P.tenant), under(P.countersByMonth), FIXED.tenantsByName],
    audits: [FIXED.platformAudit],
    never: PERSONAL_PARTITIONS,
    managesUsers: false,
  },
};

/** Where a function departs from SocleFunction's defaults. */
interface LambdaRuntime {
  /** @default 512 */
  readonly memorySize?: number;
  /** Embeds the PDF fonts in the bundle and sets `SOCLE_FONT_DIR`. @default false */
  readonly pdfFonts?: boolean;
}

const lambdaRuntime: Partial<Record<LambdaName, LambdaRuntime>> = {
  // pdf-lib and fontkit parse and subset about 1.4 MB of fonts per cold start and are CPU-bound:
  // Lambda's CPU share grows with memory.
  documents: { memorySize: 1024, pdfFonts: true },
};

/**
 * The PDF fonts as packages/documents/src/fonts.ts looks for them (`FONT_DIR_ENV`, `FONT_FILES`):
 * copied to `fonts/` in the bundle, which Lambda unpacks to `/var/task` (`LAMBDA_TASK_ROOT`).
 */
const pdfFonts = {
  env: 'SOCLE_FONT_DIR',
  files: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'],
  bundleDir: 'fonts',
  taskRoot: '/var/task',
} as const;

/** Jobs run by a schedule, outside the route table. */
type JobName = 'expirySweep' | 'counterDriftCheck';

interface JobDefinition {
  readonly permissions: TablePermissions;
  readonly schedule: Schedule;
  readonly timeout: Duration;
}

const scheduledJobs: Record<JobName, JobDefinition> = {
  // Expires dossiers past their deadline: queries the sparse gsi4 (`DEADLINE#<yyyy-mm>`), then
  // transitions each dossier in its tenant's partition. Then queues the deadline reminders: reads the
  // markers (BatchGetItem), and per dossier one transaction checks the dossier and puts the marker
  // and the candidate's message (all in `T#*`). Daily, at night (UTC).
  expirySweep: {
    permissions: {
      table: 'readWrite',
      leadingKeys: [under(P.tenant)],
      reads: [under(P.deadlinesByMonth)],
      audits: [under(P.tenantAudit)],
    },
    schedule: Schedule.cron({ minute: '0', hour: '2' }),
    timeout: Duration.minutes(5),
  },
  // Recounts the monitoring counters from the dossiers and their trails by queries per network
  // (networks from gsi1 `TENANTS`, dossiers from gsi1 `T#<t>#DOSSIERS`, trails `AUDIT#T#`, counters
  // `T#<t>#STATS`); fails on drift so the dead-letter queue alarm fires. Weekly, Sunday night. Run
  // by hand with `{ "repair": true }` it adds the differences: it writes the counter partitions
  // (`T#<t>#STATS`) and nothing else.
  counterDriftCheck: {
    permissions: {
      table: 'readWrite',
      leadingKeys: [tenantPartitionsEnding(SUB.counters)],
      reads: [under(P.tenant), FIXED.tenantsByName, under(P.tenantAudit)],
    },
    schedule: Schedule.cron({ minute: '30', hour: '3', weekDay: 'SUN' }),
    timeout: Duration.minutes(15),
  },
};

/** The login items the API functions read to check a token (functions/src/http.ts). */
const LOGIN_CHECK_KEYS = under(P.login);

/** Partition patterns per access level, any of them possibly empty (nothing granted then). */
type AccessLevels = Pick<TablePermissions, 'table'> & {
  readonly leadingKeys: readonly string[];
  readonly reads?: readonly string[];
  readonly audits?: readonly string[];
};

/** Grants `permissions` through `bind`: one statement per access level that names partitions. */
const bindLevels = (
  bind: (binding: { table: BindableTable; access: TableAccess; leadingKeys: readonly string[] }) => unknown,
  table: BindableTable,
  permissions: AccessLevels,
) => {
  if (permissions.leadingKeys.length)
    bind({ table, access: permissions.table, leadingKeys: permissions.leadingKeys });
  if (permissions.reads?.length) bind({ table, access: 'read', leadingKeys: permissions.reads });
  if (permissions.audits?.length) bind({ table, access: 'append', leadingKeys: permissions.audits });
};

/** Grants the table access of `permissions` to the function's execution role. */
const bindPermissions = (fn: SocleFunction, table: BindableTable, permissions: AccessLevels) =>
  bindLevels((binding) => fn.bindTable(binding), table, permissions);

/** The same levels with each pattern changed by `change` (empty levels kept, bound to nothing). */
const mapLevels = (permissions: TablePermissions, change: (patterns: readonly string[]) => string[]) => ({
  table: permissions.table,
  leadingKeys: change(permissions.leadingKeys),
  reads: change(permissions.reads ?? []),
  audits: change(permissions.audits ?? []),
});

/**
 * Tenant-scoped credentials (SocleFunction.tenantRole): a tenant route's requests are signed with a
 * session of the function's tenant role tagged with the caller's network, whose grants are the
 * function's with every tenant partition narrowed to that network. A function whose routes are all
 * tenant routes keeps no tenant partition on its execution role at all; the others keep theirs
 * for their routes that are not one tenant's (the national admin's, the jury's).
 */
const bindTenantScopedPermissions = (
  fn: SocleFunction,
  table: BindableTable,
  permissions: TablePermissions,
  scopes: readonly string[],
) => {
  const tenantOnly = scopes.every((scope) => scope === 'tenant');
  bindPermissions(
    fn,
    table,
    tenantOnly
      ? mapLevels(permissions, (patterns) => patterns.filter((p) => !isTenantPattern(p)))
      : permissions,
  );
  if (scopes.includes('tenant')) {
    bindLevels((binding) => fn.bindTenantTable(binding), table, mapLevels(permissions, narrowToTenant));
  }
  if (permissions.never) fn.denyPartitions(table, permissions.never);
};

interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: BindableTable;
  readonly userPool: SocleUserPool;
  /** The Open Badges signing keys (StatefulStack): read by the functions that sign or check. */
  readonly credentialKeys: ISecret;
  /** Socle's SES sender (StatefulStack): its reputation alarms notify the alarm topic. */
  readonly email?: SocleEmail;
  readonly functionsDir: string;
  readonly depsLockFilePath: string;
  /** The folder holding the PDF fonts (`DejaVuSans.ttf`, `DejaVuSans-Bold.ttf`). */
  readonly pdfFontDir: string;
  /** The web build to upload, when it exists. @default - only config.json */
  readonly webBuildDir?: string;
  /** ARN of the web distribution's WAF web ACL (EdgeStack, in us-east-1). @default - none */
  readonly webAclArn?: string;
}

/** Public verification: bursts of employers are fine, a code-guessing script is not. */
const publicThrottle = { rateLimit: 50, burstLimit: 100 };
/**
 * The verification API's stage, shared by every viewer: a ceiling against runaway cost, not the limit
 * employers meet. Each client meets its own limits first: the WAF's rate-based rule per viewer IP at
 * the edge, then the verification quota per viewer in DynamoDB (a 429 costs one UpdateItem). At 50
 * req/s, a few hundred bot IPs each under the WAF limit crowded real employers out (issue 14).
 */
const verificationThrottle = { rateLimit: 1000, burstLimit: 2000 };

const constructId = (name: string, kind: 'Function' | 'Job' = 'Function') =>
  `${name.charAt(0).toUpperCase()}${name.slice(1)}${kind}`;

/**
 * What can be redeployed at will: the APIs and their Lambdas, the scheduled jobs, the app client,
 * the web hosting.
 */
class StatelessStack extends Stack {
  readonly functions: Readonly<Record<LambdaName, SocleFunction>>;
  readonly jobs: Readonly<Record<JobName, ScheduledJob>>;
  readonly api: SocleApi<LambdaName>;
  /** The public verification routes, served through the web distribution (see below). */
  readonly publicApi: SocleApi<LambdaName>;
  readonly web: WebHosting;
  readonly webClient: WebClient;
  readonly monitoring: Monitoring;
  /** Outbox delivery through SES, bounces and complaints: only with an email sender. */
  readonly notifications?: Notifications;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table, userPool } = props;
    const logRemovalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    // From the stage's config, not the user pool's stack output: a new prefix changes this template
    // too (CSP, config.json), so a deploy cannot skip it.
    const authDomainUrl = authDomainUrlOf(this, config.authDomainPrefix);

    // One Ed25519 key pair for every instance, kept by the stateful stack (credentials issued must
    // stay verifiable whatever happens to this stack): read-only here.
    const { credentialKeys } = props;
    const functions = {} as Record<LambdaName, SocleFunction>;
    for (const [name, permissions] of Object.entries(lambdaPermissions) as [
      LambdaName,
      LambdaPermissions,
    ][]) {
      const runtime = lambdaRuntime[name] ?? {};
      const fonts = runtime.pdfFonts ? pdfFonts : undefined;
      const fn = new SocleFunction(this, constructId(name), {
        entry: lambdaEntry(props.functionsDir, name),
        depsLockFilePath: props.depsLockFilePath,
        serviceName: name,
        logRetention: config.logRetention,
        logRemovalPolicy,
        memorySize: runtime.memorySize,
        // Shared with the local server (functions/src/lambdaTimeouts.ts).
        timeout: Duration.seconds(timeoutSecondsOf(name)),
        bundleFiles: fonts?.files.map((file) => ({
          source: join(props.pdfFontDir, file),
          target: `${fonts.bundleDir}/${file}`,
        })),
        environment: fonts && { [fonts.env]: `${fonts.taskRoot}/${fonts.bundleDir}` },
      });
      bindTenantScopedPermissions(
        fn,
        table,
        permissions,
        routes.filter((route) => route.lambda === name).map((route) => route.scope),
      );
      // The route wrapper checks each token against its login item (a disabled user, a removed
      // role or organism, within a minute): GetItem of `LOGIN#<userId>` only, nothing else of it.
      if (routes.some((route) => route.lambda === name && route.scope !== 'public')) {
        fn.bindTable({ table, access: 'getItem', leadingKeys: [LOGIN_CHECK_KEYS] });
      }
      if (permissions.signsCredentials) {
        credentialKeys.grantRead(fn);
        fn.addEnvironment('CREDENTIAL_KEYS_SECRET_ARN', credentialKeys.secretArn);
      }
      if (permissions.managesUsers) {
        userPool.grant(
          fn,
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          // Disabling signs the user out everywhere (their refresh tokens end).
          'cognito-idp:AdminUserGlobalSignOut',
        );
        fn.addEnvironment('USER_POOL_ID', userPool.userPoolId);
      }
      functions[name] = fn;
    }
    this.functions = functions;

    const jobs = {} as Record<JobName, ScheduledJob>;
    for (const [name, job] of Object.entries(scheduledJobs) as [JobName, JobDefinition][]) {
      const scheduled = new ScheduledJob(this, constructId(name, 'Job'), {
        schedule: job.schedule,
        function: {
          entry: lambdaEntry(props.functionsDir, name),
          depsLockFilePath: props.depsLockFilePath,
          serviceName: name,
          logRetention: config.logRetention,
          logRemovalPolicy,
          timeout: job.timeout,
        },
      });
      bindPermissions(scheduled.function, table, job.permissions);
      jobs[name] = scheduled;
    }
    this.jobs = jobs;

    // The public verification routes have an HTTP API of their own, which the web distribution
    // serves on the site's domain behind its WAF (an HTTP API cannot have a web ACL): the
    // verification page calls it same-origin, and the QR code, the page and the credentials' issuer
    // share one URL. Not the main API as the distribution's second origin: its CORS names the
    // distribution, which would name it back (a circular reference CloudFormation cannot deploy).
    const publicRoutes = routes.filter((route) => isPublicPath(route.path));
    this.publicApi = new SocleApi(this, 'PublicApi', {
      routes: publicRoutes,
      functions,
      // Required by SocleApi, unused: every route of this API is public (tested).
      jwtIssuer: userPool.issuerUrl,
      jwtAudience: [],
      // Called from the site's own domain only.
      corsOrigins: [],
      throttle: verificationThrottle,
      logRetention: config.logRetention,
      logRemovalPolicy,
    });

    // CloudFront sends it to the public API with every request: proof that the request came
    // through the distribution, so that the API may trust the viewer address CloudFront adds.
    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'Header value CloudFront sends to the public API of Socle',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront gets the value at deploy time: a rotation outside CloudFormation would leave the distribution sending the old one (infra/README.md says how to replace it).',
    });
    for (const name of new Set(publicRoutes.map((route) => route.lambda))) {
      originSecret.grantRead(functions[name]);
      functions[name].addEnvironment(ORIGIN_SECRET_ARN_ENV, originSecret.secretArn);
    }

    this.web = new WebHosting(this, 'Web', {
      buildDir: props.webBuildDir,
      // The API's own URL would be a circular reference (its CORS names this distribution).
      connectSources: [
        `https://*.execute-api.${this.region}.${this.urlSuffix}`,
        `https://cognito-idp.${this.region}.${this.urlSuffix}`,
        authDomainUrl,
      ],
      accessLogExpiration: Duration.days(config.accessLogExpirationDays),
      logRetention: config.logRetention,
      publicApi: {
        domainName: `${this.publicApi.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
        pathPatterns: publicPathPrefixes.map((prefix) => `${prefix}*`),
        originSecretHeader: { name: ORIGIN_SECRET_HEADER, value: originSecret.secretValue.unsafeUnwrap() },
      },
      webAclArn: props.webAclArn,
    });
    const webOrigins = [this.web.url, ...(config.localWebOrigin ? [config.localWebOrigin] : [])];
    this.webClient = new WebClient(this, 'WebClient', { userPool, webOrigins });

    // The site's URL is the credentials' issuer (its profile and keys are served there) and the
    // base of the verification URL the certificate PDF prints and encodes in its QR code.
    for (const [name, permissions] of Object.entries(lambdaPermissions) as [
      LambdaName,
      LambdaPermissions,
    ][]) {
      if (permissions.signsCredentials) functions[name].addEnvironment('PUBLIC_API_URL', this.web.url);
    }
    functions.documents.addEnvironment('PUBLIC_WEB_URL', this.web.url);

    if (props.email) {
      this.notifications = new Notifications(this, 'Notifications', {
        table,
        email: props.email,
        publicWebUrl: this.web.url,
        functionsDir: props.functionsDir,
        depsLockFilePath: props.depsLockFilePath,
        logRetention: config.logRetention,
        logRemovalPolicy,
      });
    }
    const notifications = this.notifications;

    this.api = new SocleApi(this, 'Api', {
      routes: routes.filter((route) => !isPublicPath(route.path)),
      functions,
      jwtIssuer: userPool.issuerUrl,
      jwtAudience: [this.webClient.userPoolClientId],
      corsOrigins: webOrigins,
      throttle: config.apiThrottle,
      // Its public routes (health, OpenAPI document) are throttled like the verification routes.
      publicThrottle,
      logRetention: config.logRetention,
      logRemovalPolicy,
    });

    // The shape the web app reads at startup (web/src/lib/config): issuer for OIDC discovery.
    this.web.deploy({
      apiUrl: this.api.url,
      // The verification routes are on the site's own domain (the public API's behaviours).
      publicApiUrl: '/',
      auth: {
        issuer: userPool.issuerUrl,
        clientId: this.webClient.userPoolClientId,
        logoutEndpoint: `${authDomainUrl}/logout`,
      },
    });

    // Alarms of every API, function (the token trigger too) and job, to one topic; one dashboard.
    const monitored = (fn: SocleFunction): MonitoredFunction => ({
      function: fn,
      errorsAlarm: fn.errorsAlarm,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      apis: {
        api: { api: this.api.api, alarms: [this.api.serverErrorsAlarm] },
        publicApi: { api: this.publicApi.api, alarms: [this.publicApi.serverErrorsAlarm] },
      },
      functions: {
        ...Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, monitored(fn)])),
        ...Object.fromEntries(Object.entries(jobs).map(([name, job]) => [name, monitored(job.function)])),
        ...(notifications && {
          outboxDelivery: monitored(notifications.delivery.function),
          sesEvents: monitored(notifications.sesEvents),
        }),
        // In the stateful stack: its errors alarm cannot notify a topic of this stack.
        preTokenGeneration: { function: userPool.preTokenGeneration },
        customMessage: { function: userPool.customMessage },
      },
      deadLetterQueues: {
        ...Object.fromEntries(
          Object.entries(jobs).map(([name, job]) => [
            name,
            { queue: job.deadLetterQueue, depthAlarm: job.deadLetterAlarm },
          ]),
        ),
        ...(notifications && {
          outboxDelivery: {
            queue: notifications.delivery.deadLetterQueue,
            depthAlarm: notifications.delivery.deadLetterAlarm,
          },
          sesEvents: {
            queue: notifications.sesEventsDeadLetterQueue,
            depthAlarm: notifications.sesEventsDeadLetterAlarm,
          },
        }),
      },
      table,
      namespace: METRICS_NAMESPACE,
      businessMetrics: [
        { title: 'Certificates issued', metricName: SocleMetric.CERTIFICATES_ISSUED, service: 'juries' },
        { title: 'Verifications', metricName: SocleMetric.VERIFICATIONS, service: 'verification' },
      ],
      requestErrorMetrics: {
        clientErrors: SocleMetric.CLIENT_ERRORS,
        serverErrors: SocleMetric.SERVER_ERRORS,
        services: Object.keys(functions),
      },
      alarmEmail: config.alarmEmail,
    });

    // SES reputation (account level): an alarm before AWS pauses sending invitations.
    for (const alarm of props.email?.reputationAlarms(this) ?? []) {
      alarm.addAlarmAction(new SnsAction(this.monitoring.alarmTopic));
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'WebUrl', { value: this.web.url });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
  }
}

export type {
  JobDefinition,
  JobName,
  LambdaName,
  LambdaPermissions,
  LambdaRuntime,
  StatelessStackProps,
  TablePermissions,
};
export { LOGIN_CHECK_KEYS, lambdaPermissions, lambdaRuntime, pdfFonts, scheduledJobs, StatelessStack };
