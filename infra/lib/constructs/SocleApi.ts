import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The part of a route-table entry the API needs (`RouteDefinition` in `@socle/functions`). */
interface ApiRoute<L extends string> {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly lambda: L;
  readonly scope: 'tenant' | 'platform' | 'public' | 'self' | 'jury';
}

interface SocleApiProps<L extends string> {
  /** The route table: one HTTP API route per entry. */
  readonly routes: readonly ApiRoute<L>[];
  /** The function behind each Lambda name of the table. */
  readonly functions: Readonly<Record<L, IFunction>>;
  /** OIDC issuer of the access tokens (the Cognito user pool). */
  readonly jwtIssuer: string;
  /** Accepted `aud` / `client_id` values: the app clients. */
  readonly jwtAudience: readonly string[];
  /** Browser origins allowed by CORS; none: no CORS configuration (same-origin callers only). */
  readonly corsOrigins: readonly string[];
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Tighter throttling of the public (unauthenticated) routes: public verification must not let
   * anyone enumerate codes. Per-client limits are enforced in DynamoDB by the function itself.
   * @default - the stage's throttling
   */
  readonly publicThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly logRetention: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** JSON access log line; no token, no body, the caller only as the token's subject. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

/**
 * The HTTP API, built from the route table: each entry becomes a route to its Lambda, behind the
 * Cognito JWT authorizer unless the entry is `public`. CORS, throttling and access logs are set on
 * the `$default` stage, and an alarm watches 5xx responses.
 */
class SocleApi<L extends string> extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** Base URL, without trailing slash (routes are served at the root of the `$default` stage). */
  readonly url: string;
  readonly serverErrorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SocleApiProps<L>) {
    super(scope, id);

    const methods = [...new Set(props.routes.map((route) => CorsHttpMethod[route.method]))];
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Socle API',
      createDefaultStage: false,
      corsPreflight: props.corsOrigins.length
        ? {
            allowOrigins: [...props.corsOrigins],
            allowMethods: [...methods, CorsHttpMethod.OPTIONS],
            allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
            // The verification page reads Retry-After on a 429; the web app reads replays.
            exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { ...props.throttle },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    this.url = this.api.apiEndpoint;

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.jwtIssuer, {
      jwtAudience: [...props.jwtAudience],
    });
    const noAuthorizer = new HttpNoneAuthorizer();
    const integrations = new Map<L, HttpLambdaIntegration>();
    const integrationOf = (name: L) => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}Integration`, props.functions[name]);
        integrations.set(name, integration);
      }
      return integration;
    };

    const routes = new Construct(this, 'Routes');
    const routeByKey = new Map<string, HttpRoute>();
    for (const entry of props.routes) {
      const route = new HttpRoute(routes, entry.id, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(entry.path, HttpMethod[entry.method]),
        integration: integrationOf(entry.lambda),
        authorizer: entry.scope === 'public' ? noAuthorizer : authorizer,
      });
      routeByKey.set(`${entry.method} ${entry.path}`, route);
      if (entry.scope === 'public') {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Public by design: the route table gives ${entry.id} the 'public' scope.`,
        });
      }
    }

    if (props.publicThrottle) {
      // Route-level settings of the $default stage (HTTP APIs have no WAF association of their own).
      // `RouteSettings` is a JSON map in the L1: its keys are written as CloudFormation spells them.
      const stage = this.stage.node.defaultChild as CfnStage;
      const publicKeys = props.routes
        .filter((entry) => entry.scope === 'public')
        .map((entry) => `${entry.method} ${entry.path}`);
      stage.routeSettings = Object.fromEntries(
        publicKeys.map((key) => [
          key,
          {
            ThrottlingRateLimit: props.publicThrottle?.rateLimit,
            ThrottlingBurstLimit: props.publicThrottle?.burstLimit,
          },
        ]),
      );
      // API Gateway refuses a stage naming a route that does not exist yet ("Unable to find Route
      // by key"), and nothing else orders the stage after its routes: on a first deploy
      // CloudFormation would create the stage first and roll the stack back.
      for (const key of publicKeys) this.stage.node.addDependency(routeByKey.get(key) as HttpRoute);
    }

    this.serverErrorsAlarm = this.api
      .metricServerError({ period: Duration.minutes(5), statistic: 'Sum' })
      .createAlarm(this, 'ServerErrorsAlarm', {
        alarmDescription: 'The API answered 5xx',
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}

export type { ApiRoute, SocleApiProps };
export { SocleApi };
