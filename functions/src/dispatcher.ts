/**
 * One Lambda per bounded context: the entry dispatches on API Gateway's `routeKey` to the route's
 * Middy chain. Every route of the context must have an implementation (checked at cold start).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { RouteHandler } from './http.ts';
import { jsonResponse } from './middleware/response.ts';
import { routeKey } from '@socle/contract/routeTypes';
import type { LambdaName, RouteDefinition } from '@socle/contract/routeTypes';
import { routes } from '@socle/contract/routes';

type Handlers = Record<string, RouteHandler>;

/** The route table entry of an id, typed precisely (so its schemas type the implementation). */
const routeOf = <Id extends (typeof routes)[number]['id']>(id: Id) =>
  routes.find((r) => r.id === id) as Extract<(typeof routes)[number], { id: Id }>;

const createDispatcher = (lambda: LambdaName, handlers: Handlers) => {
  const own: readonly RouteDefinition[] = routes.filter((r) => r.lambda === lambda);
  const byKey = new Map<string, RouteHandler>();
  for (const route of own) {
    const handler = handlers[route.id];
    if (!handler) throw new Error(`route ${route.id} has no implementation in lambda ${lambda}`);
    byKey.set(routeKey(route), handler);
  }
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
    const handler = byKey.get(event.routeKey);
    if (!handler) return jsonResponse(404, { error: 'not_found', message: `no route ${event.routeKey}` });
    return handler(event, context);
  };
};

export { createDispatcher, routeOf };
