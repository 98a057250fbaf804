/** Health, OpenAPI and the caller's profile. */
import { Me, roles } from '@socle/domain';
import * as z from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';

const Health = z.object({ status: z.literal('ok'), time: z.string() });

const metaRoutes = [
  {
    id: 'health',
    method: 'GET',
    path: '/health',
    lambda: LambdaName.META,
    scope: 'public',
    summary: 'Liveness probe',
    response: { status: 200, schema: Health },
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    lambda: LambdaName.META,
    scope: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    response: { status: 200, schema: z.record(z.string(), z.unknown()) },
  },
  {
    id: 'getMe',
    method: 'GET',
    path: '/me',
    lambda: LambdaName.META,
    scope: 'self',
    roles: roles,
    summary: 'The signed-in user, their roles and network',
    response: { status: 200, schema: Me },
  },
] as const satisfies readonly RouteDefinition[];

export { metaRoutes };
