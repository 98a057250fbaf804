import { routes } from '@socle/functions/routes';
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SocleApi } from './constructs/SocleApi.ts';
import { SocleFunction } from './constructs/SocleFunction.ts';
import type { BindableTable, TableAccess } from './constructs/SocleFunction.ts';
import type { SocleUserPool } from './constructs/SocleUserPool.ts';
import { WebClient } from './constructs/WebClient.ts';
import { WebHosting } from './constructs/WebHosting.ts';
import { lambdaEntry } from './repoPaths.ts';
import type { StageConfig } from './stageConfig.ts';

/** The API Lambdas: one per bounded context, as named by the route table. */
type LambdaName = (typeof routes)[number]['lambda'];

interface LambdaPermissions {
  readonly table: TableAccess;
  /** Partition keys the function may touch (`dynamodb:LeadingKeys`); `T#*` = tenant partitions. */
  readonly leadingKeys: readonly [string, ...string[]];
  /** Invites, disables and enables Cognito users (gets `USER_POOL_ID`). */
  readonly managesUsers: boolean;
}

/**
 * What each Lambda may do. A `Record` over the Lambda names, so a new Lambda in the route table
 * does not deploy until someone decides its access here (type error otherwise).
 * Key patterns: docs/data-model.md and packages/data/src/keys.ts.
 */
const lambdaPermissions: Record<LambdaName, LambdaPermissions> = {
  // GET /me reads the caller's tenant item.
  meta: { table: 'read', leadingKeys: ['T#*'], managesUsers: false },
  // Tenants (gsi1 `TENANTS`), network admins' logins (`LOGIN#`, `EMAIL#`, gsi1 `LOGINS`),
  // platform audit and idempotency (`PLATFORM#`).
  platform: {
    table: 'readWrite',
    leadingKeys: ['TENANTS', 'LOGINS', 'LOGIN#*', 'EMAIL#*', 'PLATFORM#*', 'T#*'],
    managesUsers: true,
  },
  // Organisms and staff of the caller's tenant, and the staff's logins.
  network: { table: 'readWrite', leadingKeys: ['T#*', 'LOGIN#*', 'EMAIL#*'], managesUsers: true },
  dossiers: { table: 'readWrite', leadingKeys: ['T#*'], managesUsers: false },
};

interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: BindableTable;
  readonly userPool: SocleUserPool;
  readonly functionsDir: string;
  readonly depsLockFilePath: string;
  /** The web build to upload, when it exists. @default - only config.json */
  readonly webBuildDir?: string;
}

const constructId = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Function`;

/** What can be redeployed at will: the API and its Lambdas, the app client, the web hosting. */
class StatelessStack extends Stack {
  readonly functions: Readonly<Record<LambdaName, SocleFunction>>;
  readonly api: SocleApi<LambdaName>;
  readonly web: WebHosting;
  readonly webClient: WebClient;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table, userPool } = props;
    const logRemovalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const authDomainUrl = userPool.domain.baseUrl();

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
    });
    const webOrigins = [this.web.url, ...(config.localWebOrigin ? [config.localWebOrigin] : [])];
    this.webClient = new WebClient(this, 'WebClient', { userPool, webOrigins });

    const functions = {} as Record<LambdaName, SocleFunction>;
    for (const [name, permissions] of Object.entries(lambdaPermissions) as [
      LambdaName,
      LambdaPermissions,
    ][]) {
      const fn = new SocleFunction(this, constructId(name), {
        entry: lambdaEntry(props.functionsDir, name),
        depsLockFilePath: props.depsLockFilePath,
        serviceName: name,
        logRetention: config.logRetention,
        logRemovalPolicy,
      });
      fn.bindTable({ table, access: permissions.table, leadingKeys: permissions.leadingKeys });
      if (permissions.managesUsers) {
        userPool.grant(
          fn,
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
        );
        fn.addEnvironment('USER_POOL_ID', userPool.userPoolId);
      }
      functions[name] = fn;
    }
    this.functions = functions;

    this.api = new SocleApi(this, 'Api', {
      routes,
      functions,
      jwtIssuer: userPool.issuerUrl,
      jwtAudience: [this.webClient.userPoolClientId],
      corsOrigins: webOrigins,
      throttle: config.apiThrottle,
      logRetention: config.logRetention,
      logRemovalPolicy,
    });

    // The shape the web app reads at startup (web/src/lib/config): issuer for OIDC discovery.
    this.web.deploy({
      apiUrl: this.api.url,
      auth: {
        issuer: userPool.issuerUrl,
        clientId: this.webClient.userPoolClientId,
        logoutEndpoint: `${authDomainUrl}/logout`,
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'WebUrl', { value: this.web.url });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.webClient.userPoolClientId });
  }
}

export type { LambdaName, LambdaPermissions, StatelessStackProps };
export { lambdaPermissions, StatelessStack };
