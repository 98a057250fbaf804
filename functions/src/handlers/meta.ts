/** Health, the OpenAPI document and the caller's own profile. */
import { findTenant } from '@socle/data';
import { routeOf } from '@socle/contract/routeOf/meta';
import { defineRoute } from '../http.ts';
import { openApiDocument } from '../openapi.ts';

let openApiCache: ReturnType<typeof openApiDocument> | undefined;

const metaHandlers = {
  health: defineRoute(routeOf('health'), async () => ({
    status: 'ok' as const,
    time: new Date().toISOString(),
  })),
  openapi: defineRoute(routeOf('openapi'), async () => {
    openApiCache ??= openApiDocument();
    return openApiCache;
  }),
  getMe: defineRoute(routeOf('getMe'), async ({ principal }) => {
    const tenant = principal.tenantId ? await findTenant(principal.tenantId) : undefined;
    return {
      userId: principal.userId,
      email: principal.email,
      name: principal.name,
      roles: principal.roles,
      organisms: principal.organisms,
      region: principal.region,
      tenant: tenant && {
        id: tenant.id,
        name: tenant.name,
        status: tenant.status,
        certifications: tenant.certifications,
      },
    };
  }),
};

export { metaHandlers };
