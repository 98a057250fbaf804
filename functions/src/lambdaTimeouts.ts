/**
 * How long each API function may run, in seconds: Lambda's timeout in the CDK stack, and the time the
 * local server gives the same handler (Middy aborts a handler just before its context's deadline), so
 * that a long call behaves locally as deployed.
 */
import type { LambdaName } from './routeTypes.ts';

/** Lambda's default would be 3 s; API Gateway waits 30 s at most. */
const DEFAULT_TIMEOUT_SECONDS = 10;

const lambdaTimeoutSeconds: Partial<Record<LambdaName, number>> = {
  // pdf-lib parses and subsets fonts; a minutes PDF of a large session takes seconds.
  documents: 30,
  // Closing a session applies decisions for 20 s per call, under API Gateway's 30 s limit.
  juries: 29,
};

const timeoutSecondsOf = (name: LambdaName): number => lambdaTimeoutSeconds[name] ?? DEFAULT_TIMEOUT_SECONDS;

export { DEFAULT_TIMEOUT_SECONDS, timeoutSecondsOf };
