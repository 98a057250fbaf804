/**
 * Tags every log line of a request with its route, tenant, user and API Gateway request id
 * (Powertools' `correlation_id`, the `requestId` of the access logs), then ends the request with one
 * log line (route, status, duration, error code) and its 4xx/5xx counts.
 *
 * Registered after `logMetrics` and before the error mapper: on an error, Middy runs `onError`
 * last-registered first, so the mapper has set the status by the time this middleware reads it, and
 * the counts are added before `logMetrics` flushes them. Nothing from the path, the query or the body
 * is logged: they carry personal data (names, birth dates, e-mail addresses).
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { principalFromEvent } from '../claims.ts';
import { logger } from '../logger.ts';
import { SocleMetric } from '../metricNames.ts';
import { countMetric } from '../metrics.ts';

interface RequestOutcomeOptions {
  /** The route table id, logged on every line of the request. */
  readonly routeId: string;
}

type Middleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;
type MiddlewareRequest = Parameters<NonNullable<Middleware['before']>>[0];

const STARTED_AT = 'socle.requestOutcome.startedAt';

/** Error codes are closed sets of snake_case words (`validation_failed`, `tenant_suspended`…). */
const ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/** API Gateway answers 200 to a result without `statusCode`. */
const statusOf = (response: APIGatewayProxyResultV2 | null | undefined): number =>
  typeof response === 'object' && response !== null && typeof response.statusCode === 'number'
    ? response.statusCode
    : 200;

/** The stable `error` code of an error body, never its message (which may echo input). */
const errorCodeOf = (response: APIGatewayProxyResultV2 | null | undefined): string | undefined => {
  if (typeof response !== 'object' || response === null || typeof response.body !== 'string') return;
  if (response.isBase64Encoded) return;
  try {
    const code = (JSON.parse(response.body) as { error?: unknown }).error;
    return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
};

const requestOutcome = ({ routeId }: RequestOutcomeOptions): Middleware => {
  const requestOutcomeBefore = (request: MiddlewareRequest) => {
    const { event } = request;
    // The claims were verified by the JWT authorizer (locally: by the local server, the same way).
    const principal = principalFromEvent(event);
    const tenant = principal ? (principal.tenantId ?? 'platform') : 'anonymous';
    logger.appendKeys({ route: routeId, tenant, ...(principal && { userId: principal.userId }) });
    const requestId = event.requestContext?.requestId;
    if (requestId) logger.setCorrelationId(requestId);
    (request.internal as Record<string, unknown>)[STARTED_AT] = Date.now();
  };

  const requestOutcomeAfter = (request: MiddlewareRequest) => {
    // An error nobody mapped reaches Lambda as a failed invocation, which API Gateway answers 500.
    const unmapped = request.error !== null && request.error !== undefined && !request.response;
    const status = unmapped ? 500 : statusOf(request.response);
    const startedAt = (request.internal as Record<string, unknown>)[STARTED_AT];
    countMetric(SocleMetric.CLIENT_ERRORS, status >= 400 && status < 500 ? 1 : 0);
    countMetric(SocleMetric.SERVER_ERRORS, status >= 500 ? 1 : 0);
    logger.info('request done', {
      status,
      durationMs: typeof startedAt === 'number' ? Date.now() - startedAt : undefined,
      ...(status >= 400 && { error: errorCodeOf(request.response) }),
    });
  };

  return { before: requestOutcomeBefore, after: requestOutcomeAfter, onError: requestOutcomeAfter };
};

export type { RequestOutcomeOptions };
export { requestOutcome };
