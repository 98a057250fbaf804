/**
 * Observability through the real local API (route wrapper, JWTs, DynamoDB Local): every log line of a
 * request carries its tenant and its request id, a candidate's personal data never reaches the logs,
 * and each request publishes its 4xx/5xx counts, and the business counts (certificates issued,
 * verifications), as CloudWatch embedded metric format lines.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

// The logger and the metrics read these when first imported: set them before the handlers load.
process.env.LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
const { startTestApi } = await import('../support/api.ts');

type Line = Record<string, unknown>;
interface Emf extends Line {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
}

/** Everything the process writes to stdout and stderr while `act` runs (kept off the test output). */
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
    const raw = chunks.join('');
    const parsed = raw
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line) as Line);
    return {
      result,
      raw,
      logs: parsed.filter((line) => 'level' in line),
      metrics: parsed.filter((line): line is Emf => '_aws' in line),
    };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

/** The total of one metric over EMF lines. */
const sumOf = (lines: readonly Emf[], name: string) =>
  lines.reduce((total, line) => total + (typeof line[name] === 'number' ? (line[name] as number) : 0), 0);

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = (await capture(() => buildWorld(api))).result;
});
afterAll(() => api.stop());

describe('Logs', () => {
  const candidate = {
    firstName: 'Philomène',
    lastName: 'Zyxbrandt-Quérel',
    birthDate: '1979-02-27',
    email: 'philomene.zyxbrandt@example.org',
    phone: '07 98 76 54 31',
  };

  it('tags every line of a request with its tenant, route and request id', async () => {
    // Act
    const { result: response, logs } = await capture(() =>
      api.call('POST', '/dossiers', {
        token: world.a.tokens.advisor,
        body: dossierOpen(world.a.organismId, candidate),
      }),
    );
    // Assess
    expect(response.status).toBe(201);
    const requestId = response.headers.get('apigw-requestid');
    expect(requestId).toBeTruthy();
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).toMatchObject({
        tenant: world.a.tenantId,
        userId: world.a.userIds.advisor,
        route: 'openDossier',
        correlation_id: requestId,
        function_name: 'dossiers',
        function_request_id: expect.any(String),
      });
    }
    expect(logs.at(-1)).toMatchObject({ level: 'INFO', message: 'request done', status: 201 });
  });

  it("never writes a candidate's personal data, accepted or refused", async () => {
    // Act: one request accepted, one refused by validation (its message names the fields).
    const { result, raw, logs } = await capture(async () => [
      await api.call('POST', '/dossiers', {
        token: world.a.tokens.advisor,
        body: dossierOpen(world.a.organismId, candidate),
      }),
      await api.call('POST', '/dossiers', {
        token: world.a.tokens.advisor,
        body: { ...dossierOpen(world.a.organismId, candidate), candidate: { ...candidate, birthDate: 'x' } },
      }),
    ]);
    // Assess
    expect(result.map((response) => response.status)).toEqual([201, 400]);
    expect(logs.map((line) => line.status).filter(Boolean)).toEqual([201, 400]);
    expect(logs.at(-1)).toMatchObject({ error: 'validation_failed' });
    for (const value of Object.values(candidate)) expect(raw).not.toContain(value);
    expect(raw).not.toContain('Zyxbrandt');
    expect(raw).not.toContain('Bearer');
  });

  it('logs an unexpected failure with its tenant and request id, and answers a generic 500', async () => {
    // Prepare: a table that does not exist makes DynamoDB itself fail.
    const tableName = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'socle_missing_table';
    try {
      // Act
      const { result: response, logs } = await capture(() =>
        api.call('GET', '/dossiers', { token: world.b.tokens.advisor }),
      );
      // Assess
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: 'internal_error', message: 'Erreur interne / internal error' });
      const requestId = response.headers.get('apigw-requestid');
      expect(logs.map((line) => [line.level, line.message])).toEqual([
        ['ERROR', 'unhandled error'],
        ['INFO', 'request done'],
      ]);
      for (const line of logs) {
        expect(line).toMatchObject({
          tenant: world.b.tenantId,
          correlation_id: requestId,
          route: 'listDossiers',
        });
      }
      expect(logs[0]?.error).toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      process.env.TABLE_NAME = tableName;
    }
  });
});

describe('Logs of the functions outside the route table', () => {
  it("tag a scheduled job's lines with its function and invocation, none with a request's keys", async () => {
    const { handler: expirySweep } = await import('@socle/functions/lambdas/expirySweep');
    await capture(() => api.call('GET', '/dossiers', { token: world.a.tokens.advisor }));
    const context = { functionName: 'socle-test-expirySweep', awsRequestId: 'job-invocation-1' };
    const { logs } = await capture(() => expirySweep({}, context as never));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      message: 'expiry sweep done',
      function_name: 'socle-test-expirySweep',
      function_request_id: 'job-invocation-1',
    });
    expect(logs[0]).not.toHaveProperty('tenant');
    expect(logs[0]).not.toHaveProperty('route');
  });
});

describe('Metrics', () => {
  it('counts a 4xx and no 5xx under the Socle namespace, by service', async () => {
    // Act
    const { result: response, metrics } = await capture(() =>
      api.call('GET', '/dossiers/01ZZZZZZZZZZZZZZZZZZZZZZZZ', { token: world.a.tokens.advisor }),
    );
    // Assess
    expect(response.status).toBe(404);
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ ClientErrors: 1, ServerErrors: 0, service: 'socle' });
    expect(metrics[0]?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Socle',
        Dimensions: [['service']],
        Metrics: expect.arrayContaining([
          expect.objectContaining({ Name: 'ClientErrors', Unit: 'Count' }),
          expect.objectContaining({ Name: 'ServerErrors', Unit: 'Count' }),
        ]),
      },
    ]);
  });

  it('counts a 5xx', async () => {
    const tableName = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'socle_missing_table';
    try {
      const { metrics } = await capture(() =>
        api.call('GET', '/dossiers', { token: world.a.tokens.advisor }),
      );
      expect(metrics.map((line) => [line.ClientErrors, line.ServerErrors])).toEqual([[0, 1]]);
    } finally {
      process.env.TABLE_NAME = tableName;
    }
  });

  it('counts the certificates a jury closing issues, once, and each public verification', async () => {
    // Prepare
    const jury = (await capture(() => buildJury(api, world.nationalToken, '11'))).result;
    // Act
    const closing = await capture(() => certifyThroughJury(api, world.a, jury));
    const verification = await capture(() => api.call('GET', `/public/certificates/${closing.result.code}`));
    const unknown = await capture(() => api.call('GET', '/public/certificates/CLEA-0000-0000-0001-9'));
    // Assess
    expect(sumOf(closing.metrics, 'CertificatesIssued')).toBe(1);
    expect(verification.result.status).toBe(200);
    expect(sumOf(verification.metrics, 'Verifications')).toBe(1);
    expect(verification.logs.at(-1)).toMatchObject({ tenant: 'anonymous', route: 'getPublicCertificate' });
    expect(unknown.result.status).toBe(404);
    expect(sumOf(unknown.metrics, 'Verifications')).toBe(0);
    expect(sumOf(unknown.metrics, 'ClientErrors')).toBe(1);
  });
});
