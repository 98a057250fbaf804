/**
 * Maps every thrown error to an HTTP response, once. Statuses below 500 are exposed with a
 * stable `error` code; anything else becomes a generic 500 and is logged with its details.
 */
import type { MiddlewareObj } from '@middy/core';
import {
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidTransitionError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
  VersionConflictError,
} from '@socle/domain';
import { OUTAGE_RETRY_AFTER_SECONDS, isAwsOutage } from '@socle/data';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger } from '../logger.ts';
import { SocleMetric } from '../metricNames.ts';
import { countMetric } from '../metrics.ts';
import { jsonResponse } from './response.ts';

/**
 * Thrown when a protected route is reached without verified access-token claims, or with a token
 * its login no longer backs (`code` and French `message` of the access rule then).
 */
class UnauthorizedError extends Error {
  readonly code?: string;
  readonly frenchMessage?: string;
  constructor(refusal?: { code: string; message: string }) {
    super(refusal ? refusal.code : 'authentication required');
    this.name = 'UnauthorizedError';
    this.code = refusal?.code;
    this.frenchMessage = refusal?.message;
  }
}

/** Thrown past a rate limit: 429 with `Retry-After`. */
class TooManyRequestsError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('too many requests');
    this.name = 'TooManyRequestsError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Thrown when a certificate code fails its check symbol: the public contract's exact 400 body. */
class InvalidCodeError extends Error {
  constructor() {
    super('invalid certificate code');
    this.name = 'InvalidCodeError';
  }
}

/**
 * A dependency the route needs is not ready (the signing keys not configured, Secrets Manager
 * unreachable): 503 with a French and English message, logged for the operator with its reason.
 */
class ServiceUnavailableError extends Error {
  readonly frenchMessage: string;
  constructor(message: string, frenchMessage: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServiceUnavailableError';
    this.frenchMessage = frenchMessage;
  }
}

/**
 * What is logged of an unexpected error: name, message, stack and the same of its causes, plus the
 * AWS request id and transaction cancellation codes of an SDK error. Never its other properties:
 * Powertools would log them all, and an SDK error carries the items it read (`Item`,
 * `CancellationReasons[].Item`), personal data included.
 */
const loggableError = (error: unknown, depth = 0): Record<string, unknown> => {
  if (!(error instanceof Error)) return { name: 'NonError', type: typeof error };
  const { $metadata, CancellationReasons } = error as {
    $metadata?: { requestId?: string; httpStatusCode?: number };
    CancellationReasons?: { Code?: string }[];
  };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...($metadata && { awsRequestId: $metadata.requestId, httpStatusCode: $metadata.httpStatusCode }),
    ...(Array.isArray(CancellationReasons) && {
      cancellationReasons: CancellationReasons.map((reason) => reason?.Code),
    }),
    ...(error.cause !== undefined && depth < 3 && { cause: loggableError(error.cause, depth + 1) }),
  };
};

const errorResponse = (error: unknown): APIGatewayProxyResultV2 => {
  if (error instanceof TooManyRequestsError) {
    return jsonResponse(
      429,
      { error: 'too_many_requests', message: 'Trop de requêtes : réessayez plus tard / too many requests' },
      { 'retry-after': String(error.retryAfterSeconds) },
    );
  }
  if (error instanceof InvalidCodeError) return jsonResponse(400, { error: 'invalid_code' });
  if (error instanceof ServiceUnavailableError) {
    logger.error('service unavailable', { error: loggableError(error) });
    return jsonResponse(
      503,
      { error: 'service_unavailable', message: `${error.frenchMessage} / ${error.message}` },
      { 'retry-after': '60' },
    );
  }
  if (error instanceof ValidationError) {
    return jsonResponse(400, {
      error: 'validation_failed',
      message: `Données invalides / invalid input: ${error.issues.map((i) => `${i.path} (${i.message})`).join(', ')}`,
      fields: error.issues,
    });
  }
  if (error instanceof UnauthorizedError) {
    return jsonResponse(
      401,
      error.code
        ? { error: error.code, message: error.frenchMessage }
        : { error: 'unauthorized', message: 'Authentification requise / authentication required' },
      { 'www-authenticate': 'Bearer' },
    );
  }
  if (error instanceof ForbiddenError) {
    return jsonResponse(403, { error: 'forbidden', message: `Accès refusé / forbidden: ${error.message}` });
  }
  if (error instanceof NotFoundError) {
    return jsonResponse(404, { error: 'not_found', message: `Introuvable / not found: ${error.entity}` });
  }
  if (error instanceof VersionConflictError) {
    return jsonResponse(409, {
      error: 'version_conflict',
      message: 'Modifié entre-temps par quelqu’un d’autre: rechargez / changed by someone else: reload',
      currentVersion: error.currentVersion,
    });
  }
  if (error instanceof InvalidTransitionError) {
    return jsonResponse(409, {
      error: 'invalid_transition',
      message: `Action impossible dans l’état « ${error.currentStatus} » / not allowed in state ${error.currentStatus}`,
      currentStatus: error.currentStatus,
    });
  }
  if (error instanceof RuleViolationError) {
    return jsonResponse(409, { ...error.details, error: error.code, message: error.message });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return jsonResponse(422, {
      error: 'idempotency_key_reused',
      message: 'Idempotency-Key déjà utilisée pour une autre requête / key reused with another request',
    });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return jsonResponse(status, { error: 'http_error', message: (error as Error).message });
  }
  if (isAwsOutage(error)) {
    // A stalled or throttled dependency, not a bug: a warning (one per request) and a count for the
    // alarm, and the client is told to retry shortly rather than shown an internal error.
    logger.warn('dependency unavailable', { error: loggableError(error) });
    countMetric(SocleMetric.DEPENDENCY_UNAVAILABLE);
    return jsonResponse(
      503,
      {
        error: 'service_unavailable',
        message:
          'Service momentanément indisponible, réessayez dans quelques secondes / service temporarily unavailable',
      },
      { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) },
    );
  }
  logger.error('unhandled error', { error: loggableError(error) });
  return jsonResponse(500, { error: 'internal_error', message: 'Erreur interne / internal error' });
};

const errorMapper = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => {
  const errorMapperOnError: MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2>['onError'] =
    async (request) => {
      if (request.response !== undefined) return;
      request.response = errorResponse(request.error);
    };
  return { onError: errorMapperOnError };
};

export {
  InvalidCodeError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  errorMapper,
  errorResponse,
  loggableError,
};
