/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
import { ErrorBody } from '@socle/domain';
import * as z from 'zod';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { routes } from '@socle/contract/routes';

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const parametersOf = (route: RouteDefinition) => {
  const parameters: Record<string, unknown>[] = [];
  for (const [location, schema] of [
    ['path', route.request?.params],
    ['query', route.request?.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        schema: schemaOf(field as z.ZodType, 'input'),
      });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Replaying the same key returns the first response instead of creating twice.',
      schema: { type: 'string', minLength: 8, maxLength: 128 },
    });
  }
  return parameters;
};

const errorResponses = (route: RouteDefinition) => {
  const error = { content: { 'application/json': { schema: schemaOf(ErrorBody, 'output') } } };
  const responses: Record<string, unknown> = { '400': { description: 'Invalid input', ...error } };
  if (route.scope !== 'public') {
    responses['401'] = { description: 'No or invalid token', ...error };
    responses['403'] = { description: 'Role not allowed', ...error };
  }
  if (route.request?.params) responses['404'] = { description: 'Not found (or not yours)', ...error };
  if (route.method !== 'GET') responses['409'] = { description: 'Version or state conflict', ...error };
  return responses;
};

const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDefinition[]) {
    paths[route.path] ??= {};
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.lambda],
      parameters: parametersOf(route),
      responses: {
        [String(route.response.status)]: {
          description: 'OK',
          content: { 'application/json': { schema: schemaOf(route.response.schema, 'output') } },
        },
        ...errorResponses(route),
      },
    };
    if (route.scope !== 'public') {
      operation.security = [{ bearer: [] }];
      operation['x-roles'] = route.roles;
    }
    if (route.request?.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.request.body, 'input') } },
      };
    }
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Socle API',
      version: '1.0.0',
      description: 'Back office of the CléA certification: networks, dossiers, juries, certificates.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
};

export { openApiDocument };
