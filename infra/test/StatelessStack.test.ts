import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ORIGIN_SECRET_ARN_ENV, ORIGIN_SECRET_HEADER } from '@socle/functions/clientAddress';
import { API_GATEWAY_TIMEOUT_SECONDS } from '@socle/functions/lambdaTimeouts';
import { DEV_TOKEN_LIFETIMES } from '@socle/tooling/local/devIssuer';
import { routes } from '@socle/contract/routes';
import {
  FIXED_PARTITIONS as FIXED,
  KEY_PREFIXES as P,
  TENANT_PARTITION_SUFFIXES as SUB,
  leadingKeysUnder as under,
  tenantPartitionsEnding,
} from '@socle/data/keyPrefixes';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import type { SocleFunction } from '../lib/constructs/SocleFunction.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { stages } from '../bin/stages.ts';
import type { StatefulStack } from '../lib/StatefulStack.ts';
import type { JobName, LambdaName, StatelessStack, TablePermissions } from '../lib/StatelessStack.ts';
import { LOGIN_CHECK_KEYS, lambdaPermissions, scheduledJobs } from '../lib/StatelessStack.ts';
import type { EdgeStack } from '../lib/EdgeStack.ts';
import type { App } from 'aws-cdk-lib';
import type { Role } from 'aws-cdk-lib/aws-iam';
import { isPublicPath } from '../lib/publicPaths.ts';
import { logicalId, socleApp } from './fixtures.ts';

interface Statement {
  readonly Effect?: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const lambdaNames = Object.keys(lambdaPermissions) as LambdaName[];
const jobNames = Object.keys(scheduledJobs) as JobName[];
const readActions = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const writeActions = [
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];
const appendActions = [...readActions, 'dynamodb:PutItem'].sort();
const leadingKeysOf = (statement: Statement) =>
  (statement.Condition as { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': string[] } })[
    'ForAllValues:StringLike'
  ]['dynamodb:LeadingKeys'];
/** What no role may do to an audit event, and PartiQL writes (denied on the whole table). */
const auditDeny = {
  Effect: 'Deny',
  Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
  Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [under(P.audit)] } },
};
const partiqlDeny = {
  Effect: 'Deny',
  Action: ['dynamodb:PartiQLDelete', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'],
};

/** Sizing that departs from SocleFunction's defaults (10 s, 512 MB). */
const sizing: Partial<Record<LambdaName, { readonly timeout: number; readonly memorySize: number }>> = {
  documents: { timeout: 28, memorySize: 1024 },
  juries: { timeout: 28, memorySize: 512 },
};

/**
 * The access the data layer needs, pinned here in the key prefixes the data layer builds its keys
 * from (packages/data/src/keyPrefixes.ts): partitions written
 * (with the actions of `write`), partitions only read, and audit trails appended to (PutItem and
 * reads only).
 */
const expectedAccess: Record<LambdaName | JobName, { write?: string[]; read?: string[]; audit?: string[] }> =
  {
    meta: { read: [under(P.tenant)] },
    platform: {
      write: [
        FIXED.tenantsByName,
        FIXED.loginsByEmail,
        under(P.login),
        under(P.emailClaim),
        under(P.platformIdempotency),
        under(P.tenant),
      ],
      audit: [FIXED.platformAudit, under(P.tenantAudit)],
    },
    network: { write: [under(P.tenant), under(P.login), under(P.emailClaim)], audit: [under(P.tenantAudit)] },
    dossiers: { write: [under(P.tenant)], read: [under(P.referentiel)], audit: [under(P.tenantAudit)] },
    referentiels: {
      write: [under(P.referentiel), FIXED.referentielsByCertification, under(P.platformIdempotency)],
      audit: [FIXED.platformAudit],
    },
    evaluations: { write: [under(P.tenant)], read: [under(P.referentiel)], audit: [under(P.tenantAudit)] },
    documents: {
      write: [under(P.tenant)],
      read: [
        under(P.referentiel),
        under(P.jury),
        under(P.jurySession),
        under(P.certificate),
        FIXED.feeSchedules,
        FIXED.dataProtectionSettings,
        FIXED.tenantsByName,
        under(P.countersByMonth),
      ],
      audit: [under(P.tenantAudit)],
    },
    juries: {
      write: [
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
      read: [under(P.referentiel)],
      audit: [FIXED.platformAudit, under(P.tenantAudit)],
    },
    verification: { write: [under(P.rateLimit)], read: [under(P.certificate), FIXED.statusList] },
    privacy: {
      write: [under(P.tenant), under(P.certificate), under(P.jurySession), FIXED.dataProtectionSettings],
      read: [under(P.jury)],
      audit: [under(P.tenantAudit), FIXED.platformAudit],
    },
    certificates: {
      write: [under(P.certificate), FIXED.statusList, `${tenantPartitionsEnding(SUB.candidate)}*`],
      read: [under(P.certificateListing), under(P.tenant), under(P.paperCopiesByStatus)],
      audit: [FIXED.platformAudit],
    },
    stats: {
      write: [FIXED.feeSchedules],
      read: [under(P.tenant), under(P.countersByMonth), FIXED.tenantsByName],
      audit: [FIXED.platformAudit],
    },

    expirySweep: {
      write: [under(P.tenant)],
      read: [under(P.deadlinesByMonth)],
      audit: [under(P.tenantAudit)],
    },
    // The repair (`{ "repair": true }`, docs/operations.md) writes the counter partitions only.
    counterDriftCheck: {
      write: [tenantPartitionsEnding(SUB.counters)],
      read: [under(P.tenant), FIXED.tenantsByName, under(P.tenantAudit)],
    },
  };

/** `${aws:PrincipalTag/tenantId}`: the network a tenant role's session is tagged with. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, written as IAM reads it
const TAG = '${aws:PrincipalTag/tenantId}';
/** Patterns of every network's partitions (`T#*`, `T#*#STATS`, `AUDIT#T#*`). */
const isTenantKey = (key: string) => key.startsWith(`${P.tenant}*`) || key.startsWith(`${P.tenantAudit}*`);
/** A tenant pattern for the session's network only: `T#*` → `T#<tag>`, `T#<tag>#*`. */
const ownTenant = (keys: readonly string[] = []) =>
  keys.flatMap((key) => {
    if (!isTenantKey(key)) return [key];
    const [prefix, rest] = key.startsWith(P.tenantAudit)
      ? [P.tenantAudit, key.slice(P.tenantAudit.length + 1)]
      : [P.tenant, key.slice(P.tenant.length + 1)];
    return rest ? [`${prefix}${TAG}${rest}`] : [`${prefix}${TAG}`, `${prefix}${TAG}#*`];
  });
type Access = { write?: string[]; read?: string[]; audit?: string[] };
const scopesOf = (name: LambdaName) =>
  routes.filter((route) => route.lambda === name).map((route) => route.scope);
const servesTenants = (name: LambdaName | JobName) =>
  (scopesOf(name as LambdaName) as string[]).includes('tenant');
const onlyServesTenants = (name: LambdaName | JobName) =>
  servesTenants(name) && scopesOf(name as LambdaName).every((scope) => scope === 'tenant');
const nonEmpty = (keys: string[]) => (keys.length ? keys : undefined);
/**
 * The execution role's access: a function whose routes are all tenant routes reaches no tenant
 * partition with it (each request goes through its tenant role); the others keep theirs.
 */
const executionAccessOf = (name: LambdaName | JobName): Access => {
  const { write, read, audit } = expectedAccess[name];
  if (!onlyServesTenants(name)) return expectedAccess[name];
  const keep = (keys: string[] = []) => nonEmpty(keys.filter((key) => !isTenantKey(key)));
  return { write: keep(write), read: keep(read), audit: keep(audit) };
};
/** The tenant role's access: the function's, every tenant partition narrowed to the session's network. */
const tenantAccessOf = (name: LambdaName): Access => {
  const { write, read, audit } = expectedAccess[name];
  return {
    write: nonEmpty(ownTenant(write)),
    read: nonEmpty(ownTenant(read)),
    audit: nonEmpty(ownTenant(audit)),
  };
};

describe('Class: StatelessStack', () => {
  let stateful: StatefulStack;
  let stack: StatelessStack;
  let template: Template;

  const functionOf = (name: LambdaName | JobName): SocleFunction =>
    name in stack.functions ? stack.functions[name as LambdaName] : stack.jobs[name as JobName].function;
  const permissionsOf = (name: LambdaName | JobName): TablePermissions =>
    name in lambdaPermissions
      ? lambdaPermissions[name as LambdaName]
      : scheduledJobs[name as JobName].permissions;

  /** Statements of the policies attached to a function's role. */
  const statementsOf = (name: LambdaName | JobName): Statement[] => {
    const roleId = logicalId(functionOf(name).role!);
    return Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
    ).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  };
  /** The token check's grant: GetItem of the login items, on the table only (checked on its own). */
  const isLoginCheck = (statement: Statement) =>
    actionsOf(statement).join() === 'dynamodb:GetItem' &&
    JSON.stringify(leadingKeysOf(statement)) === JSON.stringify([LOGIN_CHECK_KEYS]);
  /** The DynamoDB grants (the denies and the token check are checked on their own). */
  const dynamoStatementsOf = (name: LambdaName | JobName) =>
    statementsOf(name).filter(
      (statement) =>
        statement.Effect !== 'Deny' &&
        actionsOf(statement).some((a) => a.startsWith('dynamodb:')) &&
        !isLoginCheck(statement),
    );

  beforeAll(() => {
    ({ stateful, stateless: stack } = socleApp({ stage: 'prod' }));
    template = Template.fromStack(stack);
  });

  describe('HTTP API', () => {
    it('creates one route per entry of the route table', () => {
      expect(template).toHaveResourceCount('AWS::ApiGatewayV2::Route', routes.length);
    });

    it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
      'routes %s to its Lambda, behind the JWT authorizer unless public',
      (key, route) => {
        // Prepare
        const functionId = logicalId(stack.functions[route.lambda]);
        const [integrationId] = Object.keys(
          template.findResources('AWS::ApiGatewayV2::Integration', {
            Properties: { IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] } },
          }),
        );
        const isPublic = route.scope === 'public';
        // Assess
        expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: key,
          Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
          AuthorizationType: isPublic ? 'NONE' : 'JWT',
          AuthorizerId: isPublic ? Match.absent() : { Ref: Match.stringLikeRegexp('CognitoJwt') },
        });
      },
    );

    it('trusts access tokens of the user pool issued to the web client', () => {
      expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Issuer: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^https://cognito-idp\\.')])] },
          Audience: [{ Ref: logicalId(stack.webClient) }],
        },
      });
    });

    it('allows CORS from the web origin only in prod, with the API headers', () => {
      expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({
          AllowOrigins: [
            {
              'Fn::Join': [
                '',
                ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] }],
              ],
            },
          ],
          AllowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        }),
      });
    });

    it('throttles the default stage with the stage config', () => {
      expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingRateLimit: stages.prod.apiThrottle.rateLimit,
          ThrottlingBurstLimit: stages.prod.apiThrottle.burstLimit,
        },
      });
    });

    it('writes access logs to a log group with retention', () => {
      // Prepare
      const destination = new Capture();
      expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Stage', {
        AccessLogSettings: {
          DestinationArn: { 'Fn::GetAtt': [destination, 'Arn'] },
          Format: Match.anyValue(),
        },
      });
      // Assess
      expect(template.toJSON().Resources[destination.asString()]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: stages.prod.logRetention },
      });
    });

    it('alarms on 5xx responses', () => {
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/ApiGateway',
        MetricName: '5xx',
        Dimensions: [{ Name: 'ApiId', Value: { Ref: logicalId(stack.api.api) } }],
      });
    });
  });

  describe('Functions', () => {
    it.each(lambdaNames)('%s runs Node.js 24 on arm64 with active tracing', (name) => {
      expect(template).toHaveResourceProperties('AWS::Lambda::Function', {
        FunctionName: Match.absent(),
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        Timeout: sizing[name]?.timeout ?? 10,
        MemorySize: sizing[name]?.memorySize ?? 512,
        Role: {
          'Fn::GetAtt': [logicalId(stack.node.findChild(`${stack.functions[name].node.id}Role`)), 'Arn'],
        },
      });
    });

    it.each(lambdaNames)(
      '%s ends before API Gateway gives up (30 s): a slow call gets its own answer, not a bare 503',
      (name) => {
        const fn = template.toJSON().Resources[logicalId(stack.functions[name])];
        // 2 s of margin: a cold start's init phase is not part of the function's timeout.
        expect(fn.Properties.Timeout).toBeLessThanOrEqual(API_GATEWAY_TIMEOUT_SECONDS - 2);
      },
    );

    it.each(lambdaNames)('%s logs to its own log group with the stage retention', (name) => {
      // Prepare
      const logGroup = new Capture();
      // Act
      expect(template).toHaveResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: name }) },
        LoggingConfig: { LogGroup: { Ref: logGroup } },
      });
      // Assess
      expect(logGroup.asString()).toBe(
        logicalId(stack.node.findChild(`${stack.functions[name].node.id}Logs`)),
      );
      expect(template.toJSON().Resources[logGroup.asString()]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: stages.prod.logRetention },
      });
    });

    it.each(lambdaNames)('%s gets the table name, its service name and source maps', (name) => {
      const fn = template.toJSON().Resources[logicalId(stack.functions[name])];
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: expect.anything(),
        POWERTOOLS_SERVICE_NAME: name,
        NODE_OPTIONS: '--enable-source-maps',
      });
    });

    it('gives the documents function the memory and time to render PDFs, and their fonts', () => {
      const fn = template.toJSON().Resources[logicalId(stack.functions.documents)];
      expect(fn.Properties).toMatchObject({ MemorySize: 1024, Timeout: 28 });
      // Where the bundle's fonts/ lands (app.test.ts checks the files are in the bundle).
      expect(fn.Properties.Environment.Variables.SOCLE_FONT_DIR).toBe('/var/task/fonts');
    });

    it.each(lambdaNames.filter((name) => name !== 'documents'))('%s gets no font directory', (name) => {
      const fn = template.toJSON().Resources[logicalId(stack.functions[name])];
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('SOCLE_FONT_DIR');
    });

    it.each(lambdaNames)('%s alarms on errors', (name) => {
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stack.functions[name]) } }],
      });
    });
  });

  describe('Tenant-scoped credentials', () => {
    const tenantRoleOf = (name: LambdaName) =>
      stack.functions[name].node.tryFindChild('TenantRole') as Role | undefined;
    const tenantNames = lambdaNames.filter(servesTenants);
    /** The tenant role's DynamoDB statements. */
    const tenantStatementsOf = (name: LambdaName): Statement[] =>
      Object.values(
        template.findResources('AWS::IAM::Policy', {
          Properties: { Roles: [{ Ref: logicalId(tenantRoleOf(name)!) }] },
        }),
      ).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);

    it('gives a tenant role to the functions that serve tenant routes, and to them only', () => {
      const withRole = lambdaNames.filter((name) => tenantRoleOf(name) !== undefined);
      expect(withRole.sort()).toEqual([...tenantNames].sort());
      expect(tenantNames).toEqual(
        expect.arrayContaining(['network', 'dossiers', 'evaluations', 'documents']),
      );
    });

    it.each(tenantNames)('%s assumes its tenant role, named by TENANT_ROLE_ARN', (name) => {
      // Prepare
      const roleArn = { 'Fn::GetAtt': [logicalId(tenantRoleOf(name)!), 'Arn'] };
      // Assess: the variable the data layer's client reads …
      expect(template).toHaveResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: name, TENANT_ROLE_ARN: roleArn }),
        },
      });
      // … and its execution role may assume and tag that role, nothing else.
      const sts = statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('sts:')));
      expect(sts).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Resource: roleArn,
        }),
      ]);
    });

    it.each(tenantNames)(
      "%s's tenant role trusts its execution role only, with one tag: tenantId",
      (name) => {
        const trust =
          template.toJSON().Resources[logicalId(tenantRoleOf(name)!)].Properties.AssumeRolePolicyDocument;
        expect(trust.Statement).toEqual([
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Principal: { AWS: { 'Fn::GetAtt': [logicalId(stack.functions[name].role!), 'Arn'] } },
            Condition: {
              StringLike: { 'aws:RequestTag/tenantId': '?*' },
              'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenantId'] },
            },
          },
        ]);
      },
    );

    it.each(tenantNames)("%s's tenant role reaches the session's network only", (name) => {
      // Prepare
      const { write, read, audit } = tenantAccessOf(name);
      const statements = tenantStatementsOf(name);
      const grants = statements.filter((s) => s.Effect !== 'Deny');
      // Assess: the function's levels, each tenant partition narrowed to the tag …
      expect(grants.map((s) => ({ actions: actionsOf(s).sort(), leadingKeys: leadingKeysOf(s) }))).toEqual(
        expect.arrayContaining([
          ...(write ? [{ actions: [...readActions, ...writeActions].sort(), leadingKeys: write }] : []),
          ...(read ? [{ actions: readActions, leadingKeys: read }] : []),
          ...(audit ? [{ actions: appendActions, leadingKeys: audit }] : []),
        ]),
      );
      expect(grants).toHaveLength((write ? 1 : 0) + (read ? 1 : 0) + (audit ? 1 : 0));
      // … no pattern reaching every network …
      expect(grants.flatMap(leadingKeysOf).filter(isTenantKey)).toEqual([]);
      // … and the audit and PartiQL denies, as on every role.
      expect(statements).toContainEqual(expect.objectContaining(auditDeny));
      expect(statements).toContainEqual(expect.objectContaining(partiqlDeny));
    });

    it("narrows the dossiers function's tenant role to T#<tag> and its sub-partitions", () => {
      expect(tenantAccessOf('dossiers')).toEqual({
        write: [`T#${TAG}`, `T#${TAG}#*`],
        read: ['REF#*'],
        audit: [`AUDIT#T#${TAG}`, `AUDIT#T#${TAG}#*`],
      });
      expect(dynamoStatementsOf('dossiers').flatMap(leadingKeysOf)).toEqual(['REF#*']);
    });
  });

  describe('Permissions', () => {
    const allNames = [...lambdaNames, ...jobNames];

    it('decides the access of every API Lambda and job', () => {
      expect(Object.keys(expectedAccess).sort()).toEqual([...allNames].sort());
    });

    it.each(lambdaNames)(
      '%s reads the login items only to check tokens, if it has protected routes',
      (name) => {
        // Prepare
        const isProtected = routes.some((route) => route.lambda === name && route.scope !== 'public');
        const checks = statementsOf(name).filter(
          (s) =>
            s.Effect !== 'Deny' && actionsOf(s).some((a) => a.startsWith('dynamodb:')) && isLoginCheck(s),
        );
        // Assess: GetItem of `LOGIN#*` on the table itself (no index), for the API functions only.
        expect(checks).toHaveLength(isProtected ? 1 : 0);
        for (const check of checks) expect([check.Resource].flat()).toHaveLength(1);
      },
    );

    it.each(allNames)('%s only reaches its partitions (dynamodb:LeadingKeys)', (name) => {
      // Prepare
      const { write, read, audit } = executionAccessOf(name);
      const statements = dynamoStatementsOf(name);
      // Assess: one statement per access level, each with its partitions.
      const granted = statements.map((statement) => ({
        actions: actionsOf(statement).sort(),
        leadingKeys: leadingKeysOf(statement),
      }));
      expect(granted).toHaveLength((write ? 1 : 0) + (read ? 1 : 0) + (audit ? 1 : 0));
      expect(granted).toEqual(
        expect.arrayContaining([
          ...(write ? [{ actions: [...readActions, ...writeActions].sort(), leadingKeys: write }] : []),
          ...(read ? [{ actions: readActions, leadingKeys: read }] : []),
          ...(audit ? [{ actions: appendActions, leadingKeys: audit }] : []),
        ]),
      );
      for (const statement of statements) {
        expect(Object.keys(statement.Condition as object)).toEqual(['ForAllValues:StringLike']);
      }
    });

    it.each(allNames)('%s cannot write the partitions it only reads', (name) => {
      // Prepare
      const reads: readonly string[] = permissionsOf(name).reads ?? [];
      const statements = dynamoStatementsOf(name).filter(
        (s) => !leadingKeysOf(s).every((key) => key.startsWith(P.audit)),
      );
      const writing = statements.filter((s) => actionsOf(s).some((a) => writeActions.includes(a)));
      const readOnly = statements.filter((s) => !writing.includes(s));
      // Assess
      expect(writing.flatMap(leadingKeysOf).filter((key) => reads.includes(key))).toEqual([]);
      expect(readOnly.flatMap(actionsOf).filter((action) => !readActions.includes(action))).toEqual([]);
      expect(readOnly.flatMap(leadingKeysOf)).toEqual(expect.arrayContaining([...reads]));
    });

    it.each(allNames)('%s may only append to audit trails, never change or delete them', (name) => {
      // Prepare
      const statements = dynamoStatementsOf(name);
      const denies = statementsOf(name).filter((s) => s.Effect === 'Deny');
      // Assess: no grant reaches an audit partition with more than PutItem and reads …
      for (const statement of statements) {
        if (!leadingKeysOf(statement).some((key) => key.startsWith(P.audit))) continue;
        expect(actionsOf(statement).filter((action) => !appendActions.includes(action))).toEqual([]);
      }
      // … no other grant's pattern matches an audit key (`*` or `A*` would) …
      const others = statements.flatMap(leadingKeysOf).filter((key) => !key.startsWith(P.audit));
      for (const key of others) {
        const pattern = new RegExp(`^${key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        expect(pattern.test(`${P.tenantAudit}tenant#D#dossier`), key).toBe(false);
        expect(pattern.test(FIXED.platformAudit), key).toBe(false);
      }
      // … and an explicit deny on the table and its indexes wins over any grant, even a future one.
      expect(denies).toHaveLength(permissionsOf(name).never ? 3 : 2);
      expect(denies).toContainEqual(
        expect.objectContaining({ ...auditDeny, Resource: expect.arrayContaining([expect.anything()]) }),
      );
      expect(denies).toContainEqual(
        expect.objectContaining({ ...partiqlDeny, Resource: expect.arrayContaining([expect.anything()]) }),
      );
      for (const deny of denies) {
        expect([deny.Resource].flat()).toHaveLength(1 + stateful.table.indexNames.length);
      }
    });

    it.each(allNames)('%s gets item actions only, never Scan nor dynamodb:*', (name) => {
      const actions = dynamoStatementsOf(name).flatMap(actionsOf);
      expect(actions).not.toContain('dynamodb:*');
      expect(actions).not.toContain('dynamodb:Scan');
    });

    it.each(allNames)('%s reaches the table and its named indexes, never *', (name) => {
      for (const statement of dynamoStatementsOf(name)) {
        const resources = [statement.Resource].flat();
        expect(resources).not.toContain('*');
        expect(JSON.stringify(resources)).not.toContain('/index/*');
        expect(resources).toHaveLength(1 + stateful.table.indexNames.length);
      }
    });

    it.each(['meta', 'stats'] as const)(
      "%s can never reach a candidate's or a dossier's partition, on any of its roles",
      (name) => {
        // Prepare: its grants read `T#*` (networks' items, counters), which would match them.
        const tenantRole = stack.functions[name].node.tryFindChild('TenantRole') as Role | undefined;
        const roles = [stack.functions[name].role!, ...(tenantRole ? [tenantRole] : [])];
        for (const role of roles) {
          const statements = Object.values(
            template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: logicalId(role) }] } }),
          ).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
          // Assess: every item action denied on `T#*#C#*` and `T#*#D#*`, one such key enough.
          expect(statements).toContainEqual(
            expect.objectContaining({
              Effect: 'Deny',
              Action: [...readActions, ...writeActions].sort(),
              Condition: {
                'ForAnyValue:StringLike': {
                  'dynamodb:LeadingKeys': [`${P.tenant}*${SUB.candidate}*`, `${P.tenant}*${SUB.dossier}*`],
                },
              },
            }),
          );
        }
        expect(roles).toHaveLength(name === 'stats' ? 2 : 1);
      },
    );

    it('lets the expiry sweep query the deadline index', () => {
      const [read] = dynamoStatementsOf('expirySweep').filter((s) =>
        leadingKeysOf(s).includes(under(P.deadlinesByMonth)),
      );
      expect(JSON.stringify(read?.Resource)).toContain('/index/gsi4');
    });

    it.each(lambdaNames)('%s may manage Cognito users only if its permissions say so', (name) => {
      // Prepare
      const { managesUsers } = lambdaPermissions[name];
      const cognito = statementsOf(name).filter((s) =>
        actionsOf(s).some((a) => a.startsWith('cognito-idp:')),
      );
      const fn = template.toJSON().Resources[logicalId(stack.functions[name])];
      // Assess
      expect(cognito.flatMap(actionsOf).sort()).toEqual(
        managesUsers
          ? [
              'cognito-idp:AdminCreateUser',
              'cognito-idp:AdminDisableUser',
              'cognito-idp:AdminEnableUser',
              'cognito-idp:AdminUserGlobalSignOut',
            ]
          : [],
      );
      expect(cognito.every((s) => JSON.stringify(s.Resource).includes('UserPool'))).toBe(true);
      expect('USER_POOL_ID' in fn.Properties.Environment.Variables).toBe(managesUsers);
    });

    it('grants no DynamoDB action on * in either stack', () => {
      const statements = [template, Template.fromStack(stateful)].flatMap((t) =>
        Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
          (policy) => policy.Properties.PolicyDocument.Statement as Statement[],
        ),
      );
      const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.length).toBeGreaterThan(0);
      for (const statement of dynamo) {
        expect(actionsOf(statement)).not.toContain('dynamodb:*');
        expect([statement.Resource].flat()).not.toContain('*');
      }
    });
  });

  describe('Expiry sweep (scheduled job)', () => {
    const ids = () => {
      const job = stack.jobs.expirySweep;
      return {
        functionId: logicalId(job.function),
        queueId: logicalId(job.deadLetterQueue),
        ruleId: logicalId(job.rule),
      };
    };

    it('runs daily at 02:00 UTC', () => {
      expect(template).toHaveResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'cron(0 2 * * ? *)',
        State: 'ENABLED',
      });
    });

    it('targets the sweep with 2 retries and a dead-letter queue', () => {
      const { functionId, queueId } = ids();
      expect(template).toHaveResourceProperties('AWS::Events::Rule', {
        Targets: [
          {
            Id: Match.anyValue(),
            Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          },
        ],
      });
    });

    it('lets only its rule invoke the sweep and send to the dead-letter queue', () => {
      const { functionId, queueId, ruleId } = ids();
      expect(template).toHaveResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
      });
      expect(template).toHaveResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Action: 'sqs:SendMessage',
              Principal: { Service: 'events.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
            }),
          ]),
        }),
      });
    });

    it('retries failed runs twice in Lambda, then dead-letters them', () => {
      const { functionId, queueId } = ids();
      expect(template).toHaveResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 7200,
      });
      expect(template.toJSON().Resources[functionId].Properties.DeadLetterConfig).toEqual({
        TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      });
      expect(statementsOf('expirySweep')).toContainEqual({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
      });
    });

    it('encrypts the dead-letter queue and refuses requests without TLS', () => {
      const { queueId } = ids();
      expect(template.toJSON().Resources[queueId].Properties).toMatchObject({ SqsManagedSseEnabled: true });
      expect(template).toHaveResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        }),
      });
    });

    it('alarms as soon as the dead-letter queue holds a message', () => {
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids().queueId, 'QueueName'] } }],
        Statistic: 'Maximum',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });

    it('alarms on errors of the sweep', () => {
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids().functionId } }],
      });
    });

    it('runs Node.js 24 on arm64 for up to 5 minutes, logging with the stage retention', () => {
      // Prepare
      const logGroup = new Capture();
      // Act
      expect(template).toHaveResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Timeout: 300,
        MemorySize: 512,
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: 'expirySweep',
            TABLE_NAME: Match.anyValue(),
          }),
        },
        LoggingConfig: { LogGroup: { Ref: logGroup } },
      });
      // Assess
      expect(template.toJSON().Resources[logGroup.asString()]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: stages.prod.logRetention },
      });
    });

    it('is not behind the API', () => {
      const { functionId } = ids();
      expect(
        template.findResources('AWS::ApiGatewayV2::Integration', {
          Properties: { IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] } },
        }),
      ).toEqual({});
    });
  });

  describe('Web client', () => {
    it('is a public client: no secret', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
    });

    it("uses the authorization code flow only, with the OIDC scopes and Cognito's user scope", () => {
      // `aws.cognito.signin.user.admin`: the security page enrols TOTP with the access token.
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', {
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      });
    });

    it('gives tokens the lifetimes the dev issuer copies, and lets the SPA revoke its refresh token', () => {
      // Prepare: the units CloudFormation gets (minutes for access and ID tokens by CDK's default).
      const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]?.Properties;
      const seconds = (value: number, unit: string) =>
        value * ({ seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit] ?? NaN);
      // Assess
      expect(seconds(client.AccessTokenValidity, client.TokenValidityUnits.AccessToken)).toBe(
        DEV_TOKEN_LIFETIMES.accessTokenSeconds,
      );
      expect(seconds(client.IdTokenValidity, client.TokenValidityUnits.IdToken)).toBe(
        DEV_TOKEN_LIFETIMES.idTokenSeconds,
      );
      expect(seconds(client.RefreshTokenValidity, client.TokenValidityUnits.RefreshToken)).toBe(
        DEV_TOKEN_LIFETIMES.refreshTokenSeconds,
      );
      expect(client.EnableTokenRevocation).toBe(true);
      expect(client.ExplicitAuthFlows).toContain('ALLOW_REFRESH_TOKEN_AUTH');
    });

    it('cannot write the email, only the names', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', {
        WriteAttributes: ['family_name', 'given_name'],
      });
    });

    it('redirects only to the CloudFront site in prod', () => {
      const site = { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] };
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', {
        CallbackURLs: [{ 'Fn::Join': ['', ['https://', site, '/auth/callback']] }],
        LogoutURLs: [{ 'Fn::Join': ['', ['https://', site, '/']] }],
      });
    });
  });

  describe('Web hosting', () => {
    it('blocks every public access to the buckets', () => {
      const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
      expect(buckets).toHaveLength(2);
      for (const bucket of buckets) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
    });

    it('refuses requests without TLS on both buckets', () => {
      const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
      expect(policies).toHaveLength(2);
      for (const policy of policies) {
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        );
      }
    });

    it('versions the site bucket and logs its access', () => {
      expect(template).toHaveResourceProperties('AWS::S3::Bucket', {
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      });
    });

    it('reads the site bucket through Origin Access Control', () => {
      expect(template).toHaveResourceCount('AWS::CloudFront::OriginAccessControl', 1);
      expect(template).toHaveResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: Match.objectLike({
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
        }),
      });
      expect(template).toHaveResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: Match.arrayWith([
            Match.objectLike({
              OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] },
              S3OriginConfig: { OriginAccessIdentity: '' },
            }),
          ]),
        }),
      });
    });

    it('serves index.html for the root and for unknown paths (SPA fallback), not for API errors', () => {
      // Prepare
      const [functionId] = Object.keys(template.findResources('AWS::CloudFront::Function'));
      // Assess: a viewer-request function on the site only; no distribution-wide error pages,
      // which would turn the public API's 404s and the WAF's 403s into the app's HTML.
      expect(template).toHaveResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultRootObject: 'index.html',
          CustomErrorResponses: Match.absent(),
          DefaultCacheBehavior: Match.objectLike({
            ViewerProtocolPolicy: 'redirect-to-https',
            FunctionAssociations: [
              { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
            ],
          }),
        }),
      });
    });

    it('sends HSTS, a CSP forbidding framing, and no-sniff headers', () => {
      expect(template).toHaveResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: Match.objectLike({
            StrictTransportSecurity: Match.objectLike({
              AccessControlMaxAgeSec: 63_072_000,
              IncludeSubdomains: true,
            }),
            ContentSecurityPolicy: {
              ContentSecurityPolicy: {
                'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp("frame-ancestors 'none'")])],
              },
              Override: true,
            },
            FrameOptions: { FrameOption: 'DENY', Override: true },
            ContentTypeOptions: { Override: true },
          }),
        }),
      });
    });

    it('deploys config.json with the API URL and client id, without a web build', () => {
      expect(template).toHaveResourceCount('Custom::CDKBucketDeployment', 1);
      expect(template).toHaveResourceProperties('Custom::CDKBucketDeployment', {
        Prune: false,
        DistributionPaths: ['/*'],
        SourceMarkers: [
          Match.objectLike({
            '<<marker:0xbaba:0>>': { 'Fn::GetAtt': [logicalId(stack.api.api), 'ApiEndpoint'] },
          }),
        ],
      });
      const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment'));
      expect(JSON.stringify(deployment?.Properties.SourceMarkers)).toContain(logicalId(stack.webClient));
    });
  });

  describe('Outputs', () => {
    it.each(['ApiUrl', 'WebUrl', 'UserPoolId', 'UserPoolClientId'])('exposes %s', (name) => {
      expect(template).toHaveOutput(name, { Value: Match.anyValue() });
    });
  });
});

describe('Class: StatelessStack (credential signing keys)', () => {
  it("gives the stateful stack's keys secret, read-only, to the functions that sign or check credentials", () => {
    // Prepare
    const { stateful, stateless: stack } = socleApp({ stage: 'prod' });
    const template = Template.fromStack(stack);
    const signers = Object.entries(lambdaPermissions)
      .filter(([, p]) => (p as { signsCredentials?: boolean }).signsCredentials)
      .map(([name]) => name)
      .sort();
    /** The keys' ARN as this stack reads it: the stateful stack's output (a cross-stack reference). */
    const keysArn = {
      'Fn::GetStackOutput': expect.objectContaining({
        StackName: stateful.stackName,
        OutputName: expect.stringContaining('CredentialSigningKeys'),
      }),
    };
    const keyStatementsOf = (fn: SocleFunction) =>
      Object.values(template.findResources('AWS::IAM::Policy'))
        .filter((policy) => policy.Properties.Roles[0].Ref === logicalId(fn.role!))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
        .filter((statement) => JSON.stringify(statement.Resource).includes('CredentialSigningKeys'));
    // Assess: no secret of its own; the ARN and read access for the signers only.
    expect(signers).toEqual(['certificates', 'verification']);
    expect(
      template.findResources('AWS::SecretsManager::Secret', {
        Properties: { Description: Match.stringLikeRegexp('signing keys') },
      }),
    ).toEqual({});
    for (const [name, fn] of Object.entries(stack.functions)) {
      const variables = template.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
      if (signers.includes(name)) {
        expect(variables.CREDENTIAL_KEYS_SECRET_ARN).toEqual(keysArn);
        expect(keyStatementsOf(fn)).toEqual([
          expect.objectContaining({
            Effect: 'Allow',
            Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
          }),
        ]);
      } else {
        expect(variables.CREDENTIAL_KEYS_SECRET_ARN).toBeUndefined();
        expect(keyStatementsOf(fn)).toEqual([]);
      }
    }
  });
});

describe('Class: StatelessStack (values that can change are not read from other stacks)', () => {
  it('builds the Cognito domain from the stage config: a new prefix changes this template too', () => {
    // Prepare
    const { stateful, stateless } = socleApp({ stage: 'prod' });
    const json = JSON.stringify(Template.fromStack(stateless).toJSON());
    const statefulOutputs = [
      ...json.matchAll(/"Fn::GetStackOutput":\{"StackName":"([^"]+)","OutputName":"([^"]+)"/g),
    ]
      .filter(([, stackName]) => stackName === stateful.stackName)
      .map(([, , output]) => output);
    const other = Template.fromStack(
      socleApp({ stage: 'prod', config: { authDomainPrefix: 'socle-v2' } }).stateless,
    );
    // Assess: the domain (CSP, config.json's logout endpoint) is written here, with the account id.
    expect(json).toContain('https://socle-",{"Ref":"AWS::AccountId"},".auth.eu-west-3.amazoncognito.com');
    expect(statefulOutputs.filter((name) => /Domain/i.test(name ?? ''))).toEqual([]);
    expect(JSON.stringify(other.toJSON())).toContain('https://socle-v2-",{"Ref":"AWS::AccountId"}');
  });
});

describe('Class: StatelessStack (email reputation)', () => {
  it('alarms on the SES bounce and complaint rates before AWS reviews the account, to the alarm topic', () => {
    const { stateless } = socleApp({ stage: 'prod' });
    const template = Template.fromStack(stateless);
    const topic = { Ref: logicalId(stateless.monitoring.alarmTopic) };
    expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.05,
      AlarmActions: [topic],
    });
    expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.001,
      AlarmActions: [topic],
    });
  });
});

describe('Class: StatelessStack (dev)', () => {
  let template: Template;
  let stack: StatelessStack;

  beforeAll(() => {
    stack = socleApp({ stage: 'dev' }).stateless;
    template = Template.fromStack(stack);
  });

  it('lets the local web dev server call the API', () => {
    expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: Match.arrayWith(['http://localhost:5173']) }),
    });
  });

  it("throttles the main API's public routes at 50 requests per second, burst 100", () => {
    // Prepare
    const settings = new Capture();
    const publicThrottle = { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 };
    const publicRoutes = routes.filter((r) => r.scope === 'public');
    const onMainApi = publicRoutes.filter((r) => !isPublicPath(r.path)).map((r) => `${r.method} ${r.path}`);
    // Assess: the main API's public routes by route settings, the public API by its stage.
    expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: settings });
    expect(Object.keys(settings.asObject()).sort()).toEqual([...onMainApi].sort());
    for (const key of onMainApi) expect(settings.asObject()[key]).toEqual(publicThrottle);
    // The verification API's own stage: infra/test/verificationAvailability.test.ts.
  });

  it('creates the stage after every route its route settings name (API Gateway refuses unknown keys)', () => {
    // Prepare
    const resources = template.toJSON().Resources as Record<string, Record<string, unknown>>;
    const stageId = logicalId(stack.api.stage);
    const stage = resources[stageId] as { Properties: { RouteSettings: object }; DependsOn?: string[] };
    const routeIdOf = (key: string) =>
      Object.entries(resources).find(
        ([, r]) =>
          r.Type === 'AWS::ApiGatewayV2::Route' &&
          (r.Properties as { RouteKey: string; ApiId: { Ref: string } }).RouteKey === key &&
          (r.Properties as { ApiId: { Ref: string } }).ApiId.Ref === logicalId(stack.api.api),
      )?.[0];
    const keys = Object.keys(stage.Properties.RouteSettings);
    // Assess
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      const routeId = routeIdOf(key);
      expect(routeId, key).toBeDefined();
      expect(stage.DependsOn ?? []).toContain(routeId);
    }
  });

  it('lets the local web dev server sign in', () => {
    expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: Match.arrayWith(['http://localhost:5173/auth/callback']),
    });
  });
});

describe('Class: StatelessStack (public API behind the web distribution)', () => {
  let app: App;
  let edge: EdgeStack;
  let stack: StatelessStack;
  let template: Template;
  /** The distribution's config (there is one distribution). */
  let distribution: Record<string, unknown> & { Origins: { Id: string; DomainName: unknown }[] };

  beforeAll(() => {
    ({ app, edge, stateless: stack } = socleApp({ stage: 'prod' }));
    template = Template.fromStack(stack);
    distribution =
      template.toJSON().Resources[logicalId(stack.web.distribution)].Properties.DistributionConfig;
  });

  const apiOf = (route: (typeof routes)[number]) => {
    const [routeId] = Object.keys(
      template.findResources('AWS::ApiGatewayV2::Route', {
        Properties: { RouteKey: `${route.method} ${route.path}` },
      }),
    );
    return template.toJSON().Resources[routeId as string].Properties.ApiId.Ref as string;
  };

  it('serves the routes under /public/ and /.well-known/ from the public API only, all public', () => {
    // Prepare
    const publicApiId = logicalId(stack.publicApi.api);
    const onPublicApi = routes.filter((route) => apiOf(route) === publicApiId);
    // Assess
    expect(onPublicApi.map((route) => route.id).sort()).toEqual(
      routes
        .filter((route) => route.path.startsWith('/public/') || route.path.startsWith('/.well-known/'))
        .map((route) => route.id)
        .sort(),
    );
    expect(onPublicApi.length).toBeGreaterThanOrEqual(5);
    expect(onPublicApi.every((route) => route.scope === 'public')).toBe(true);
    expect(routes.filter((route) => apiOf(route) === logicalId(stack.api.api))).toHaveLength(
      routes.length - onPublicApi.length,
    );
  });

  it('gives the public API no CORS: the site calls it on its own domain', () => {
    const api = template.toJSON().Resources[logicalId(stack.publicApi.api)];
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it('routes /public/* and /.well-known/* to the public API, uncached, every method, HTTPS only', () => {
    // Prepare
    const apiOrigin = distribution.Origins.find((origin) =>
      JSON.stringify(origin.DomainName).includes(logicalId(stack.publicApi.api)),
    );
    const behaviors = distribution.CacheBehaviors as Record<string, unknown>[];
    // Assess
    expect(apiOrigin?.DomainName).toEqual({
      'Fn::Join': [
        '',
        [{ Ref: logicalId(stack.publicApi.api) }, '.execute-api.eu-west-3.', { Ref: 'AWS::URLSuffix' }],
      ],
    });
    expect(behaviors.map((behavior) => behavior.PathPattern).sort()).toEqual(['/.well-known/*', '/public/*']);
    for (const behavior of behaviors) {
      expect(behavior).toMatchObject({
        TargetOriginId: apiOrigin?.Id,
        // CloudFront's managed CachingDisabled policy.
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        ViewerProtocolPolicy: 'https-only',
      });
    }
  });

  it('forwards the viewer address to the API, never the Host header', () => {
    // Prepare
    const [behavior] = distribution.CacheBehaviors as { OriginRequestPolicyId: { Ref: string } }[];
    const policy = template.toJSON().Resources[behavior?.OriginRequestPolicyId.Ref as string];
    const headers: string[] = policy.Properties.OriginRequestPolicyConfig.HeadersConfig.Headers;
    // Assess
    expect(policy.Properties.OriginRequestPolicyConfig.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(headers).toContain('CloudFront-Viewer-Address');
    expect(headers.map((header) => header.toLowerCase())).not.toContain('host');
  });

  it('sends the origin secret to the API from Secrets Manager', () => {
    const secretId = logicalId(stack.node.findChild('OriginSecret'));
    const apiOrigin = distribution.Origins.find((origin) =>
      JSON.stringify(origin.DomainName).includes(logicalId(stack.publicApi.api)),
    );
    expect(apiOrigin).toMatchObject({
      OriginCustomHeaders: [
        {
          HeaderName: ORIGIN_SECRET_HEADER,
          HeaderValue: {
            'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
          },
        },
      ],
    });
  });

  it('puts the distribution behind the web ACL of the us-east-1 stack', () => {
    expect(edge.region).toBe('us-east-1');
    expect(distribution.WebACLId).toEqual({
      'Fn::GetStackOutput': {
        StackName: edge.stackName,
        Region: 'us-east-1',
        OutputName: expect.any(String),
      },
    });
  });

  it('lets only the functions behind the public API read the origin secret', () => {
    // Prepare
    const secretId = logicalId(stack.node.findChild('OriginSecret'));
    const readers = Object.entries(stack.functions)
      .filter(([, fn]) => {
        const variables = template.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
        return ORIGIN_SECRET_ARN_ENV in variables;
      })
      .map(([name]) => name);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const grantees = policies
      .filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes(`"${secretId}"`))
      .map((policy) => policy.Properties.Roles);
    const verificationSecrets = policies
      .filter((policy) => policy.Properties.Roles[0].Ref === logicalId(stack.functions.verification.role!))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')));
    // Assess: read access to that secret and to the signing keys, nothing else.
    expect(readers).toEqual(['verification']);
    expect(grantees).toEqual([[{ Ref: logicalId(stack.functions.verification.role!) }]]);
    expect(verificationSecrets).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: [
          { 'Fn::GetStackOutput': expect.objectContaining({ OutputName: expect.any(String) }) },
          { Ref: secretId },
        ],
      },
    ]);
  });

  it('names the site as the credentials issuer and as the base of the QR code', () => {
    // Prepare
    const siteUrl = {
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] }]],
    };
    const variablesOf = (name: LambdaName) =>
      template.toJSON().Resources[logicalId(stack.functions[name])].Properties.Environment.Variables;
    // Assess
    expect(variablesOf('verification').PUBLIC_API_URL).toEqual(siteUrl);
    expect(variablesOf('certificates').PUBLIC_API_URL).toEqual(siteUrl);
    expect(variablesOf('documents').PUBLIC_WEB_URL).toEqual(siteUrl);
  });

  it('tells the web app to call the public routes on its own domain', () => {
    // Prepare: config.json as staged in the cloud assembly (tokens are markers until deploy).
    const outdir = app.synth().directory;
    const files = readdirSync(outdir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith(`${sep}config.json`),
    );
    // Assess
    expect(files).toHaveLength(1);
    const config = JSON.parse(readFileSync(join(outdir, files[0] as string), 'utf8'));
    expect(config.publicApiUrl).toBe('/');
    expect(config.apiUrl).toMatch(/^<<marker:0xbaba:\d+>>$/);
  });
});
