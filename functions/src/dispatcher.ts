/**
 * One Lambda per bounded context: the entry dispatches on API Gateway's `routeKey` to the route's
 * Middy chain. An entry hands over only the route tables its Lambda serves, so its bundle holds (and
 * its cold start builds) no other context's schemas. Every route of the Lambda must have an
 * implementation, and every implementation a route of the Lambda (both checked at cold start).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { RouteHandler } from './http.ts';
import { jsonResponse } from './middleware/response.ts';
import { routeKey } from '@socle/contract/routeTypes';
import type { LambdaName, RouteDefinition } from '@socle/contract/routeTypes';

type Handlers = Record<string, RouteHandler>;

const createDispatcher = (lambda: LambdaName, table: readonly RouteDefinition[], handlers: Handlers) => {
  const own = table.filter((route) => route.lambda === lambda);
  const byKey = new Map<string, RouteHandler>();
  for (const route of own) {
    const handler = handlers[route.id];
    if (!handler) throw new Error(`route ${route.id} has no implementation in lambda ${lambda}`);
    byKey.set(routeKey(route), handler);
  }
  const stray = Object.keys(handlers).filter((id) => !own.some((route) => route.id === id));
  if (stray.length > 0)
    throw new Error(`lambda ${lambda} implements routes it does not serve: ${stray.join(', ')}`);
  const dispatch = async (
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyResultV2> => {
    const handler = byKey.get(event.routeKey);
    if (!handler) return jsonResponse(404, { error: 'not_found', message: `no route ${event.routeKey}` });
    return handler(event, context);
  };
  // The ids it serves, for the check that every route of the table is served by its Lambda's entry.
  return Object.assign(dispatch, { served: own.map((route) => route.id) as readonly string[] });
};

export { createDispatcher };
