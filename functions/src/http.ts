/**
 * Builds the Middy chain of one route from its entry in the route table: the Powertools logger
 * context and metrics, the request's log keys and outcome (one line, 4xx/5xx counts), then auth (an
 * access token whose login still backs it) and roles (a caller without the role gets 403 whatever
 * the input), body parsing and zod validation, idempotency, and the error mapper last so that it
 * sees every error first.
 */
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import {
  IdempotentReplay,
  findStoredResponse,
  keys,
  loginStatus,
  scopeCredentialsToTenant,
  tenantScopeOf,
} from '@socle/data';
import type { IdempotencyRequest, StoredResponse, TenantActor, TenantScope } from '@socle/data';
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  actorOf,
  clockAt,
  currentAccess,
  hasAnyRole,
} from '@socle/domain';
import type { Principal } from '@socle/domain';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { issuedAtOf, principalFromEvent } from './claims.ts';
import { lambdaContextLogging } from './lambdaContextLogging.ts';
import { metrics } from './metrics.ts';
import { UnauthorizedError, errorMapper } from './middleware/errorMapper.ts';
import { jsonBody } from './middleware/jsonBody.ts';
import { requestOutcome } from './middleware/requestOutcome.ts';
import { jsonResponse, responseBody } from './middleware/response.ts';
import { parsePart } from './middleware/validation.ts';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import type { BinaryBody, OnlySchemaKeys, RouteResult } from './routeResult.ts';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type RequestPart<R extends RouteDefinition, K extends 'params' | 'query' | 'body'> = R['request'] extends {
  [P in K]: infer S;
}
  ? Infer<S>
  : undefined;

/** What a route implementation receives: validated input and who is calling. */
interface RouteInput<R extends RouteDefinition> {
  params: RequestPart<R, 'params'>;
  query: RequestPart<R, 'query'>;
  body: RequestPart<R, 'body'>;
  /**
   * Who calls and when, built once: the caller's scope (tenant routes only), principal, organism
   * restriction and the request's clock. Data functions take it first. Present on every
   * non-public route.
   */
  actor: TenantActor;
  /** Present on every non-public route. */
  principal: Principal;
  idempotency?: IdempotencyRequest;
  event: APIGatewayProxyEventV2;
}

type RouteImplementation<R extends RouteDefinition, Out extends RouteResult<R> = RouteResult<R>> = (
  input: RouteInput<R>,
) => Promise<Out>;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** API Gateway carries binary bodies base64-encoded (`isBase64Encoded`). */
const binaryResponse = (
  route: RouteDefinition,
  { bytes, fileName }: BinaryBody,
): APIGatewayProxyResultV2 => ({
  statusCode: route.response.status,
  headers: {
    'content-type': route.response.contentType ?? 'application/octet-stream',
    'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    'cache-control': 'no-store',
  },
  body: Buffer.from(bytes).toString('base64'),
  isBase64Encoded: true,
});

/** A create's stored response, replayed through the route's schema as a fresh one would be. */
const replayResponse = (route: RouteDefinition, stored: StoredResponse) =>
  jsonResponse(stored.statusCode, responseBody(route, stored.body), { 'idempotent-replayed': 'true' });

const idempotencyOf = (
  route: RouteDefinition,
  event: APIGatewayProxyEventV2,
  principal: Principal | undefined,
  body: unknown,
): IdempotencyRequest | undefined => {
  const key = event.headers?.['idempotency-key'];
  if (!route.idempotent || key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationError([
      { path: 'Idempotency-Key', message: '8 à 128 caractères parmi lettres, chiffres, _ . : -' },
    ]);
  }
  const requestHash = createHash('sha256')
    .update(JSON.stringify([route.id, event.pathParameters ?? {}, body ?? null]))
    .digest('base64url');
  const scopeKey = keys.idempotencyScope(route.scope === 'tenant' ? principal?.tenantId : undefined);
  // A key is the caller's, on this route: another user's or another route's same key is a new request.
  return { scopeKey, userId: principal?.userId ?? 'anonymous', routeId: route.id, key, requestHash };
};

/**
 * The token's principal as its login stands now (read through the container's cache, at most a
 * minute old): 401 `access_revoked` for a disabled or moved login, the roles and organisms it lost
 * dropped. A token lives an hour; without this, a disabled user kept working until it expired.
 */
const currentPrincipalOf = async (principal: Principal, event: APIGatewayProxyEventV2) => {
  const login = await loginStatus.current(principal.userId, { issuedAtMs: issuedAtOf(event) });
  const access = currentAccess(principal, login);
  if (!access.ok) throw new UnauthorizedError(access);
  return access.principal;
};

/**
 * A route's Middy chain around its implementation. The implementation returns what the route's
 * response schema accepts and no other key (`OnlySchemaKeys`: returning one does not compile);
 * what it returns is parsed by that schema before it is sent (`responseBody`), which drops any key a
 * cast let through.
 */
const defineRoute = <R extends RouteDefinition, Out extends RouteResult<R>>(
  route: R,
  implementation: RouteImplementation<R, Out> & OnlySchemaKeys<R, Out>,
) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>()
    .use(lambdaContextLogging())
    .use(logMetrics(metrics))
    .use(requestOutcome({ routeId: route.id }))
    .use(httpHeaderNormalizer())
    .use(jsonBody())
    .use(errorMapper())
    .handler(async (event, context) => {
      let principal = principalFromEvent(event);
      if (route.scope !== 'public') {
        if (!principal) throw new UnauthorizedError();
        principal = await currentPrincipalOf(principal, event);
        if (route.roles && !hasAnyRole(principal, route.roles)) {
          // Jury data is not even acknowledged to people outside the jury.
          if (route.scope === 'jury') throw new NotFoundError('jury resource');
          throw new ForbiddenError('role not allowed');
        }
      }
      const scope = (
        route.scope === 'tenant' ? tenantScopeOf(principal as Principal) : undefined
      ) as TenantScope;
      // The rest of a tenant route signs its DynamoDB requests with the caller's tenant's credentials.
      if (scope) scopeCredentialsToTenant(scope.tenantId);
      const request = route.request;
      const params = request?.params
        ? parsePart(request.params, event.pathParameters ?? {}, 'path')
        : undefined;
      const query = request?.query
        ? parsePart(request.query, event.queryStringParameters ?? {}, 'query')
        : undefined;
      const rawBody = (event as { parsedBody?: unknown }).parsedBody;
      const body = request?.body ? parsePart(request.body, rawBody, 'body') : undefined;
      const idempotency = idempotencyOf(route, event, principal, rawBody);
      if (idempotency) {
        const stored = await findStoredResponse(idempotency);
        if (stored) return replayResponse(route, stored);
      }
      // One instant per request: every record and audit event it writes agrees on "now". A public
      // route has no caller, hence no actor.
      const actor = principal
        ? actorOf(principal, scope, {
            requestId: event.requestContext?.requestId ?? context.awsRequestId,
            clock: clockAt(new Date()),
          })
        : undefined;
      let result: Out;
      try {
        result = await implementation({
          params,
          query,
          body,
          actor: actor as TenantActor,
          principal: principal as Principal,
          idempotency,
          event,
        } as RouteInput<R>);
      } catch (error) {
        // Another request with the same key won the race: its stored response, shaped as ours.
        if (error instanceof IdempotentReplay) return replayResponse(route, error.response);
        throw error;
      }
      if (route.response.contentType) return binaryResponse(route, result as BinaryBody);
      return jsonResponse(route.response.status, responseBody(route, result));
    });

type RouteHandler = ReturnType<typeof defineRoute>;

export type { BinaryBody, RouteHandler, RouteImplementation, RouteInput };
export { defineRoute };
