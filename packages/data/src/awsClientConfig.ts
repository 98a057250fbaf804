/**
 * How long any AWS SDK client (DynamoDB, Cognito, Secrets Manager, SES) waits and how often it
 * retries, decided once. Without it a stalled DynamoDB held every request until the function's own
 * timeout (10 s, functions/src/lambdaTimeouts.ts) and answered a bare 500.
 *
 * The budget is ~3 s for one SDK call, retries included: a person waits at most that long before
 * being told the service is momentarily unavailable (503, `Retry-After`), far under API Gateway's
 * 30 s and under the shortest function timeout (10 s), so the function always answers itself.
 * - `requestTimeout` (1.4 s, thrown rather than only warned) bounds one attempt from the socket's
 *   request to the last byte, connection included: DynamoDB answers in milliseconds, so 1.4 s only
 *   ends a stall, while a 100-item transaction on a loaded DynamoDB Local still fits.
 * - `connectionTimeout` (1 s) ends an unreachable endpoint sooner (no TCP answer).
 * - `maxAttempts` 2: one retry (the SDK's standard strategy: timeouts, resets, throttling and 5xx,
 *   after a backoff of at most 100 ms, 1 s after a throttling, which answers at once) absorbs a
 *   lost packet; 2 × 1.4 s + 0.1 s ≈ 3 s.
 */
import type { NodeHttpHandlerOptions } from '@smithy/types';

const AWS_CONNECTION_TIMEOUT_MS = 1_000;
const AWS_REQUEST_TIMEOUT_MS = 1_400;

/**
 * The per-attempt timeout in force. `SOCLE_AWS_REQUEST_TIMEOUT_MS` exists for the test suite only:
 * on a loaded 2-core machine a DynamoDB Local answer (a Java GC pause, a 100-item transaction) can
 * take longer than 1.4 s, and a retried conditional write whose first attempt did land would then
 * fail its own condition; the suite raises it (vitest.config.ts) except in the tests whose subject
 * is the stall. Never set in AWS.
 */
const requestTimeoutMs = (): number => {
  const configured = Number(process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : AWS_REQUEST_TIMEOUT_MS;
};
const AWS_MAX_ATTEMPTS = 2;
/** What a 503 tells the client to wait before trying again: a stall usually lasts seconds. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Spread into every SDK client's configuration: `new XClient({ ...awsClientConfig(), … })`. */
const awsClientConfig = (): {
  maxAttempts: number;
  requestHandler: NodeHttpHandlerOptions & { throwOnRequestTimeout: boolean };
} => ({
  maxAttempts: AWS_MAX_ATTEMPTS,
  // Options rather than a NodeHttpHandler instance: each client builds its own handler from them,
  // with the @smithy version it ships, and no extra import reaches the Lambda bundles.
  requestHandler: {
    connectionTimeout: AWS_CONNECTION_TIMEOUT_MS,
    requestTimeout: requestTimeoutMs(),
    throwOnRequestTimeout: true,
  },
});

const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const THROTTLING_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
]);
const SERVER_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Whether an error means an AWS dependency did not answer in time or at all (timeout, connection
 * refused or reset, throttling or a 5xx left after the retries), rather than a bug: the API then
 * answers 503 with `Retry-After`, not 500. Looks through `cause` (a wrapped SDK error).
 */
const isAwsOutage = (error: unknown, depth = 0): boolean => {
  if (!(error instanceof Error) || depth > 3) return false;
  const { code, $metadata, $fault } = error as {
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
    $fault?: string;
  };
  if (TIMEOUT_NAMES.has(error.name) || THROTTLING_NAMES.has(error.name)) return true;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if ($fault === 'server' && SERVER_STATUSES.has($metadata?.httpStatusCode ?? 0)) return true;
  return isAwsOutage(error.cause, depth + 1);
};

export {
  AWS_CONNECTION_TIMEOUT_MS,
  AWS_MAX_ATTEMPTS,
  AWS_REQUEST_TIMEOUT_MS,
  OUTAGE_RETRY_AFTER_SECONDS,
  awsClientConfig,
  isAwsOutage,
};
