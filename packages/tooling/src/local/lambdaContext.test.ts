import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_API_TIMEOUT_SECONDS } from '@socle/functions/lambdaTimeouts';
import { lambdaContext } from './server.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('local Lambda context', () => {
  it("gives each function its deployed timeout, counting down as Lambda's does", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const juries = lambdaContext('juries');
    const meta = lambdaContext('meta');
    // The juries function has the longest an API function may have: under API Gateway's 30 s.
    expect(MAX_API_TIMEOUT_SECONDS).toBe(28);
    expect(juries.getRemainingTimeInMillis()).toBe(28_000);
    expect(meta.getRemainingTimeInMillis()).toBe(10_000);
    vi.setSystemTime(1_000_000 + 12_000);
    expect(juries.getRemainingTimeInMillis()).toBe(16_000);
    expect(meta.getRemainingTimeInMillis()).toBe(0);
  });
});
