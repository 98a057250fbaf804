/**
 * A stalled database fails fast and says so: with this test's own DynamoDB Local paused (SIGSTOP of
 * its java process: it accepts connections and never answers, as a stalled service does), a request
 * answers 503 `service_unavailable` with `Retry-After` within ~3.5 s, logs one warning and counts
 * `DependencyUnavailable`; once resumed, the same request succeeds again at once.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDynamoLocal } from '@socle/testing';
import type { DynamoLocal } from '@socle/testing';
import type { TestApi } from '../support/api.ts';

// The logger and the metrics read these when first imported: set them before the handlers load.
process.env.LOG_LEVEL = 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
// The stall is the subject: the deployed per-attempt timeout, not the suite's longer one.
delete process.env.SOCLE_AWS_REQUEST_TIMEOUT_MS;
const { startTestApi } = await import('../support/api.ts');

type Line = Record<string, unknown>;

/** The JSON lines the process writes while `act` runs (kept off the test output). */
const capture = async <T>(act: () => Promise<T>) => {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as never),
  );
  try {
    const result = await act();
    const lines = chunks
      .join('')
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line) as Line);
    return { result, lines };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

let dynamo: DynamoLocal;
let api: TestApi;
let token: string;

beforeAll(async () => {
  // Its own DynamoDB Local: pausing the shared one would stall every other test file.
  dynamo = await startDynamoLocal();
  api = await startTestApi({ dynamoEndpoint: dynamo.endpoint });
  token = await api.tokenFor({ userId: ulid(), roles: ['national_admin'] });
}, 60_000);

afterAll(async () => {
  if (dynamo) process.kill(dynamo.pid, 'SIGCONT');
  await api?.stop();
  await dynamo?.stop();
});

describe('When DynamoDB stops answering', () => {
  it('answers 503 with Retry-After within 3.5 s, warns once and counts it, then recovers', async () => {
    // Arrange: the route answers while the database does.
    expect((await api.call('GET', '/referentiels', { token })).status).toBe(200);
    process.kill(dynamo.pid, 'SIGSTOP');
    // Act
    const started = Date.now();
    const { result: stalled, lines } = await capture(() => api.call('GET', '/referentiels', { token }));
    const elapsed = Date.now() - started;
    process.kill(dynamo.pid, 'SIGCONT');
    const recoveredAt = Date.now();
    const recovered = await api.call('GET', '/referentiels', { token });
    const recoveryMs = Date.now() - recoveredAt;
    // Assess
    expect(stalled.status).toBe(503);
    expect(stalled.headers.get('retry-after')).toBe('5');
    expect(stalled.body).toMatchObject({
      error: 'service_unavailable',
      message: expect.stringMatching(
        /^Service momentanément indisponible.* \/ service temporarily unavailable$/,
      ),
    });
    expect(elapsed).toBeGreaterThan(1_000);
    expect(elapsed).toBeLessThan(3_500);
    const warnings = lines.filter(
      (line) => line.level === 'WARN' && line.message === 'dependency unavailable',
    );
    expect(warnings).toHaveLength(1);
    expect(lines.some((line) => line.level === 'ERROR')).toBe(false);
    const counted = lines.filter((line) => '_aws' in line && line.DependencyUnavailable === 1);
    expect(counted).toHaveLength(1);
    expect(recovered.status).toBe(200);
    expect(recoveryMs).toBeLessThan(2_000);
  }, 30_000);
});
