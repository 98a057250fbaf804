import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';

const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/**
 * A route's result that its response schema refuses: a server bug, answered 500. The message names
 * the paths and zod's messages only, never the values (they may be personal data).
 */
class ResponseShapeError extends Error {
  constructor(routeId: string, error: z.ZodError) {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    super(`response of ${routeId} does not match its schema: ${issues.slice(0, 5).join('; ')}`);
    this.name = 'ResponseShapeError';
  }
}

/**
 * The body a route sends: its response schema's parse of the result. Objects drop every key the
 * schema does not name, so a stored-only attribute (`searchName`, index keys, an internal entry) is
 * never sent, whatever a cast or the data layer's types claimed.
 */
const responseBody = (route: { id: string; response: { schema: z.ZodType } }, result: unknown): unknown => {
  const parsed = route.response.schema.safeParse(result);
  if (!parsed.success) throw new ResponseShapeError(route.id, parsed.error);
  return parsed.data;
};

export { ResponseShapeError, jsonResponse, responseBody };
