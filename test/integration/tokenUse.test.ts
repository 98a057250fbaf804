/**
 * Access tokens only (issue 14): an ID token of the same user, signed by the same issuer for the same
 * client, is refused on every protected route, by the local server's authorizer and, since API
 * Gateway's JWT authorizer lets one through (its `aud` is the client), by the route wrapper itself.
 * Before this change both answered 200 to an ID token.
 */
import { findLogin } from '@socle/data';
import type { Login } from '@socle/data';
import { lambdas } from '@socle/functions/lambdas';
import { lambdaContext } from '@socle/tooling/local/server';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { ulid } from 'ulid';
import { allRoutes } from './routeCoverage.ts';

let api: TestApi;
let national: Login;

beforeAll(async () => {
  api = await startTestApi();
  const userId = ulid();
  await api.tokenFor({ userId, roles: ['national_admin'] });
  national = (await findLogin(userId)) as Login;
});
afterAll(() => api.stop());

/** A path of the route (the token is refused before any parameter is looked at). */
const pathOf = (path: string) => path.replace(/\{\w+\}/g, ulid());

/** Claims as API Gateway's JWT authorizer passes them on: every value a string, arrays `[a b]`. */
const asAuthorizerClaims = (payload: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );

/** The v2 event API Gateway hands a Lambda once its JWT authorizer has accepted a token. */
const authorizedEvent = (routeKey: string, path: string, claims: Record<string, string>) =>
  ({
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      http: {
        method: routeKey.split(' ')[0],
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: '',
      },
      requestId: 'token-use-test',
      routeKey,
      stage: '$default',
      timeEpoch: Date.now(),
      authorizer: { jwt: { claims, scopes: [] } },
    },
  }) as unknown as APIGatewayProxyEventV2;

describe('Access tokens only', () => {
  it('the local server refuses an ID token on every protected route', async () => {
    // Prepare
    const idToken = await api.issuer.issueIdToken(national);
    const protectedRoutes = allRoutes.filter((r) => r.scope !== 'public');
    // Act
    const responses = await Promise.all(
      protectedRoutes.map((route) => api.call(route.method, pathOf(route.path), { token: idToken })),
    );
    // Assess: refused by the authorizer's emulation (its body), before any Lambda runs.
    expect(protectedRoutes.length).toBeGreaterThan(20);
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([401]));
    expect(new Set(responses.map((r) => r.body.message))).toEqual(new Set(['Unauthorized']));
  });

  it("the same user's access token is accepted", async () => {
    const response = await api.call('GET', '/me', { token: await api.issuer.issueAccessToken(national) });
    expect(response.status).toBe(200);
  });

  it('the route wrapper refuses the claims of an ID token that API Gateway let through', async () => {
    // Prepare: the claims as the authorizer passes them on (flattened strings).
    const idClaims = asAuthorizerClaims(await api.issuer.verify(await api.issuer.issueIdToken(national)));
    const accessClaims = asAuthorizerClaims(
      await api.issuer.verify(await api.issuer.issueAccessToken(national)),
    );
    // Act
    const call = async (claims: Record<string, string>) =>
      (await lambdas.meta(
        authorizedEvent('GET /me', '/me', claims),
        lambdaContext('meta'),
      )) as APIGatewayProxyStructuredResultV2;
    const refused = await call(idClaims);
    const accepted = await call(accessClaims);
    // Assess
    expect(idClaims.token_use).toBe('id');
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(refused.body as string).error).toBe('unauthorized');
    expect(accepted.statusCode).toBe(200);
  });
});
