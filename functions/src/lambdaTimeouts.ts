/**
 * How long each API function may run, in seconds: Lambda's timeout in the CDK stack, and the time the
 * local server gives the same handler (Middy aborts a handler just before its context's deadline), so
 * that a long call behaves locally as deployed.
 */
import type { LambdaName } from '@socle/contract/routeTypes';

/** Lambda's default would be 3 s; API Gateway waits 30 s at most. */
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * API Gateway's integration timeout (HTTP API, at most 30 s): a function must end before it, so
 * that a slow call answers with its own error (Middy's timeout, a French message) rather than
 * API Gateway's bare 503.
 */
const API_GATEWAY_TIMEOUT_SECONDS = 30;
/**
 * The longest a function may be given: 2 s under API Gateway's limit, for a cold start (Lambda's
 * init phase is not part of its timeout) and the way there and back.
 */
const MAX_API_TIMEOUT_SECONDS = API_GATEWAY_TIMEOUT_SECONDS - 2;

const lambdaTimeoutSeconds: Partial<Record<LambdaName, number>> = {
  // pdf-lib parses and subsets fonts; a minutes PDF of a large session takes seconds.
  documents: MAX_API_TIMEOUT_SECONDS,
  // Closing a session applies decisions for 20 s per call, under API Gateway's 30 s limit.
  juries: MAX_API_TIMEOUT_SECONDS,
};

const timeoutSecondsOf = (name: LambdaName): number => lambdaTimeoutSeconds[name] ?? DEFAULT_TIMEOUT_SECONDS;

export { API_GATEWAY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, MAX_API_TIMEOUT_SECONDS, timeoutSecondsOf };
