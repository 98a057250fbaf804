/**
 * The client a public verification counts against, over real HTTP and DynamoDB Local: behind our
 * CloudFront (the origin secret matches) each viewer address has its own quota; a request without
 * the secret (someone calling the API's execute-api URL directly, around the WAF) is refused with 403
 * before anything is counted or read.
 */
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
} from '@socle/functions/clientAddress';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';

const SECRET = 'the-origin-secret-cloudfront-sends';

let api: TestApi;

/** A malformed code: refused with 400, and still counted (malformed codes cost the same quota). */
const verify = async (headers: Record<string, string>) =>
  (await api.call('GET', '/public/certificates/XYZ', { headers })).status;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

beforeEach(async () => {
  // Every check below fits in one fixed one-minute window.
  if (new Date().getUTCSeconds() > 50) await new Promise((r) => setTimeout(r, 11_000));
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '2';
  process.env[ORIGIN_SECRET_ENV] = SECRET;
});
afterEach(() => {
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '1000';
  delete process.env[ORIGIN_SECRET_ENV];
});

describe('Public verification quota behind CloudFront', () => {
  it('gives two viewers seen by CloudFront separate quotas', async () => {
    // Prepare
    const viewer = (address: string) => ({
      [VIEWER_ADDRESS_HEADER]: address,
      [ORIGIN_SECRET_HEADER]: SECRET,
    });
    // Act
    const first = [await verify(viewer('203.0.113.10:50001')), await verify(viewer('203.0.113.10:50002'))];
    const firstOver = await verify(viewer('203.0.113.10:50003'));
    const second = await verify(viewer('2001:db8::10:443'));
    // Assess: the first viewer's third request is refused, the second viewer's first is not.
    expect(first).toEqual([400, 400]);
    expect(firstOver).toBe(429);
    expect(second).toBe(400);
  });

  it('refuses a request without the origin secret (a direct call) and counts nothing for it', async () => {
    // Act: three "different viewers", none proven to come through CloudFront.
    const direct = [
      await verify({ [VIEWER_ADDRESS_HEADER]: '198.51.100.1:1', [ORIGIN_SECRET_HEADER]: 'guessed' }),
      await verify({ [VIEWER_ADDRESS_HEADER]: '198.51.100.2:1' }),
      await verify({ [VIEWER_ADDRESS_HEADER]: '198.51.100.3:1', [ORIGIN_SECRET_HEADER]: '' }),
      await verify({}),
    ];
    // Through CloudFront without a viewer address: the source IP's quota, untouched by the above.
    const throughEdge = [
      await verify({ [ORIGIN_SECRET_HEADER]: SECRET }),
      await verify({ [ORIGIN_SECRET_HEADER]: SECRET }),
      await verify({ [ORIGIN_SECRET_HEADER]: SECRET }),
    ];
    // Assess
    expect(direct).toEqual([403, 403, 403, 403]);
    expect(throughEdge).toEqual([400, 400, 429]);
  });
});
