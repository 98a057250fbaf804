import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORIGIN_SECRET_ENV, ORIGIN_SECRET_HEADER } from './clientAddress.ts';
import { edgeOnly } from './edgeOnly.ts';

const SECRET = 'origin-secret-of-the-stage';
const eventWith = (headers: Record<string, string>) =>
  ({ headers, requestContext: { http: { sourceIp: '198.51.100.7' } } }) as unknown as APIGatewayProxyEventV2;
const context = {} as Context;

describe('Function: edgeOnly', () => {
  const entry = vi.fn(async () => ({ statusCode: 200, body: 'answered' }));
  beforeEach(() => {
    entry.mockClear();
    process.env[ORIGIN_SECRET_ENV] = SECRET;
  });
  afterEach(() => {
    delete process.env[ORIGIN_SECRET_ENV];
  });

  it.each([
    ['no secret', {}],
    ['a wrong secret', { [ORIGIN_SECRET_HEADER]: 'guessed' }],
    ['an empty secret', { [ORIGIN_SECRET_HEADER]: '' }],
    ['the secret with a suffix', { [ORIGIN_SECRET_HEADER]: `${SECRET}x` }],
  ])(
    'refuses a request with %s (a direct execute-api call) without calling the route',
    async (_, headers) => {
      // Act
      const response = await edgeOnly(entry)(eventWith(headers), context);
      // Assess
      expect(response).toMatchObject({ statusCode: 403 });
      expect(JSON.parse((response as { body: string }).body).error).toBe('edge_only');
      expect(entry).not.toHaveBeenCalled();
    },
  );

  it('hands a request that bears the secret to the route', async () => {
    const response = await edgeOnly(entry)(eventWith({ [ORIGIN_SECRET_HEADER]: SECRET }), context);
    expect(response).toEqual({ statusCode: 200, body: 'answered' });
    expect(entry).toHaveBeenCalledOnce();
  });

  it('hands every request to the route where no secret is configured (local server, tests)', async () => {
    delete process.env[ORIGIN_SECRET_ENV];
    const response = await edgeOnly(entry)(eventWith({}), context);
    expect(response).toMatchObject({ statusCode: 200 });
  });
});
