import { routes } from '@socle/functions/routes';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { stages } from '../bin/stages.ts';
import type { StatefulStack } from '../lib/StatefulStack.ts';
import type { LambdaName, StatelessStack } from '../lib/StatelessStack.ts';
import { lambdaPermissions } from '../lib/StatelessStack.ts';
import { logicalId, socleApp } from './fixtures.ts';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const lambdaNames = Object.keys(lambdaPermissions) as LambdaName[];

describe('Class: StatelessStack', () => {
  let stateful: StatefulStack;
  let stack: StatelessStack;
  let template: Template;

  /** Statements of the policies attached to a function's role. */
  const statementsOf = (name: LambdaName): Statement[] => {
    const roleId = logicalId(
      stack.node.findChild(`${name.charAt(0).toUpperCase()}${name.slice(1)}FunctionRole`),
    );
    return Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
    ).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  };
  const dynamoStatementsOf = (name: LambdaName) =>
    statementsOf(name).filter((statement) => actionsOf(statement).some((a) => a.startsWith('dynamodb:')));

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
          Issuer: { 'Fn::Join': ['', Match.arrayWith(['https://cognito-idp.'])] },
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
        Timeout: 10,
        MemorySize: 512,
        Role: {
          'Fn::GetAtt': [logicalId(stack.node.findChild(`${stack.functions[name].node.id}Role`)), 'Arn'],
        },
      });
    });

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

    it.each(lambdaNames)('%s alarms on errors', (name) => {
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stack.functions[name]) } }],
      });
    });
  });

  describe('Permissions', () => {
    it.each(lambdaNames)('%s only reaches its partitions (dynamodb:LeadingKeys)', (name) => {
      const statements = dynamoStatementsOf(name);
      expect(statements).not.toHaveLength(0);
      for (const statement of statements) {
        expect(statement.Condition).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...lambdaPermissions[name].leadingKeys] },
        });
      }
    });

    it.each(lambdaNames)('%s gets item actions only, never Scan nor dynamodb:*', (name) => {
      const actions = dynamoStatementsOf(name).flatMap(actionsOf);
      expect(actions).not.toContain('dynamodb:*');
      expect(actions).not.toContain('dynamodb:Scan');
      if (lambdaPermissions[name].table === 'read') {
        expect(actions.sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
      }
    });

    it.each(lambdaNames)('%s reaches the table and its named indexes, never *', (name) => {
      for (const statement of dynamoStatementsOf(name)) {
        const resources = [statement.Resource].flat();
        expect(resources).not.toContain('*');
        expect(JSON.stringify(resources)).not.toContain('/index/*');
        expect(resources).toHaveLength(1 + stateful.table.indexNames.length);
      }
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
          ? ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser']
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

  describe('Web client', () => {
    it('is a public client: no secret', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
    });

    it('uses the authorization code flow only, with the OIDC scopes', () => {
      expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', {
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
      });
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
          Origins: [
            Match.objectLike({
              OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] },
              S3OriginConfig: { OriginAccessIdentity: '' },
            }),
          ],
        }),
      });
    });

    it('serves index.html for the root and for unknown paths (SPA fallback)', () => {
      expect(template).toHaveResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultRootObject: 'index.html',
          CustomErrorResponses: [403, 404].map((code) => ({
            ErrorCode: code,
            ResponseCode: 200,
            ResponsePagePath: '/index.html',
            ErrorCachingMinTTL: 0,
          })),
          DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
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

describe('Class: StatelessStack (dev)', () => {
  let template: Template;

  beforeAll(() => {
    template = Template.fromStack(socleApp({ stage: 'dev' }).stateless);
  });

  it('lets the local web dev server call the API', () => {
    expect(template).toHaveResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: Match.arrayWith(['http://localhost:5173']) }),
    });
  });

  it('lets the local web dev server sign in', () => {
    expect(template).toHaveResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: Match.arrayWith(['http://localhost:5173/auth/callback']),
    });
  });
});
