import { afterEach, describe, expect, it } from 'vitest';
import { AWS_MAX_ATTEMPTS, AWS_REQUEST_TIMEOUT_MS, awsClientConfig, isAwsOutage } from './awsClientConfig.ts';

describe('awsClientConfig', () => {
  const suiteValue = process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS;
  afterEach(() => {
    if (suiteValue === undefined) delete process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS;
    else process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS = suiteValue;
  });

  it('keeps a deployed call within ~3 s: two attempts of 1.4 s, timeouts thrown', () => {
    delete process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS;
    const config = awsClientConfig();
    expect(config.maxAttempts).toBe(2);
    expect(config.requestHandler).toMatchObject({
      requestTimeout: 1_400,
      connectionTimeout: 1_000,
      throwOnRequestTimeout: true,
    });
    expect(AWS_MAX_ATTEMPTS * AWS_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(3_000);
  });

  it('takes the suite’s longer per-attempt timeout only from a positive whole number', () => {
    process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS = '10000';
    expect(awsClientConfig().requestHandler.requestTimeout).toBe(10_000);
    for (const bad of ['', '0', '-5', 'abc', '1.5']) {
      process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS = bad;
      expect(awsClientConfig().requestHandler.requestTimeout).toBe(1_400);
    }
  });

  it('tells an outage (timeout, reset, throttling, 5xx) from a bug', () => {
    const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });
    expect(isAwsOutage(named('TimeoutError'))).toBe(true);
    expect(isAwsOutage(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isAwsOutage(named('ThrottlingException'))).toBe(true);
    expect(
      isAwsOutage(named('InternalServerError', { $fault: 'server', $metadata: { httpStatusCode: 500 } })),
    ).toBe(true);
    expect(isAwsOutage(new Error('wrapped', { cause: named('TimeoutError') }))).toBe(true);
    expect(
      isAwsOutage(named('ValidationException', { $fault: 'client', $metadata: { httpStatusCode: 400 } })),
    ).toBe(false);
    expect(isAwsOutage('TimeoutError')).toBe(false);
  });
});
