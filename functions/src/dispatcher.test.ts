import { LambdaName, routeKey } from '@socle/contract/routeTypes';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { routes } from '@socle/contract/routes';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import type { RouteHandler } from './http.ts';
import { lambdas } from './lambdas/index.ts';

const route = (id: string, lambda: RouteDefinition['lambda'], path = `/${id}`): RouteDefinition => ({
  id,
  method: 'GET',
  path,
  lambda,
  scope: 'public',
  summary: id,
  response: { status: 200, schema: undefined as never },
});
const answering = (body: string) =>
  (async () => ({ statusCode: 200, body }) satisfies APIGatewayProxyResultV2) as unknown as RouteHandler;
const call = (handler: ReturnType<typeof createDispatcher>, key: string) =>
  handler({ routeKey: key } as APIGatewayProxyEventV2, {} as Context);

describe('createDispatcher', () => {
  const table = [route('a', LambdaName.META), route('b', LambdaName.META), route('c', LambdaName.STATS)];

  it("dispatches on the route key to the route's implementation, and answers 404 to another key", async () => {
    // Act
    const handler = createDispatcher(LambdaName.META, table, { a: answering('A'), b: answering('B') });
    // Assess
    expect(handler.served).toEqual(['a', 'b']);
    expect(await call(handler, routeKey(route('b', LambdaName.META)))).toMatchObject({ body: 'B' });
    expect(await call(handler, 'GET /c')).toMatchObject({ statusCode: 404 });
  });

  it('refuses at cold start a route of the Lambda without an implementation', () => {
    expect(() => createDispatcher(LambdaName.META, table, { a: answering('A') })).toThrow(
      'route b has no implementation in lambda meta',
    );
  });

  it('refuses at cold start an implementation of a route the Lambda does not serve', () => {
    expect(() =>
      createDispatcher(LambdaName.META, table, { a: answering('A'), b: answering('B'), c: answering('C') }),
    ).toThrow('lambda meta implements routes it does not serve: c');
  });
});

describe('Lambda entries', () => {
  it('serve every route of the table, each from the entry of its Lambda (each hands over only its tables)', () => {
    // Act
    const unserved = routes.filter((r) => !lambdas[r.lambda].served.includes(r.id)).map((r) => r.id);
    const served = Object.values(lambdas).reduce((count, handler) => count + handler.served.length, 0);
    // Assess
    expect(unserved).toEqual([]);
    expect(served).toBe(routes.length);
  });
});
