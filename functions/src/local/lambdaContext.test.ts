import { afterEach, describe, expect, it, vi } from 'vitest';
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
    expect(juries.getRemainingTimeInMillis()).toBe(29_000);
    expect(meta.getRemainingTimeInMillis()).toBe(10_000);
    vi.setSystemTime(1_000_000 + 12_000);
    expect(juries.getRemainingTimeInMillis()).toBe(17_000);
    expect(meta.getRemainingTimeInMillis()).toBe(0);
  });
});
