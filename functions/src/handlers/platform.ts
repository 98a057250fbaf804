/** National admin: networks (tenants) and their first administrators. */
import {
  changeTenant,
  createTenant,
  getTenant,
  inviteUser,
  listTenantAdmins,
  listTenants,
  platformScopeFor,
  withdrawUserInvitation,
} from '@socle/data';
import { routeOf } from '@socle/contract/routeOf/platform';
import { defineRoute } from '../http.ts';
import { inviteAccount } from '../identityDirectory.ts';

const platformHandlers = {
  listTenants: defineRoute(routeOf('listTenants'), ({ query }) => listTenants(query)),
  createTenant: defineRoute(routeOf('createTenant'), ({ ctx, body, idempotency }) =>
    createTenant(ctx, body, idempotency),
  ),
  getTenant: defineRoute(routeOf('getTenant'), ({ params }) => getTenant(params.tenantId)),
  updateTenant: defineRoute(routeOf('updateTenant'), ({ ctx, params, body }) =>
    changeTenant(ctx, params.tenantId, { kind: 'update', input: body }),
  ),
  suspendTenant: defineRoute(routeOf('suspendTenant'), ({ ctx, params, body }) =>
    changeTenant(ctx, params.tenantId, { kind: 'suspend', version: body.version, reason: body.reason }),
  ),
  reactivateTenant: defineRoute(routeOf('reactivateTenant'), ({ ctx, params, body }) =>
    changeTenant(ctx, params.tenantId, { kind: 'reactivate', version: body.version }),
  ),
  listTenantAdmins: defineRoute(routeOf('listTenantAdmins'), async ({ params }) => {
    await getTenant(params.tenantId);
    return { items: await listTenantAdmins(platformScopeFor(params.tenantId)) };
  }),
  inviteTenantAdmin: defineRoute(routeOf('inviteTenantAdmin'), async ({ ctx, params, body, idempotency }) => {
    await getTenant(params.tenantId);
    const scope = platformScopeFor(params.tenantId);
    const user = await inviteUser(scope, ctx, {
      ...body,
      roles: ['network_admin'],
      organisms: [],
      accreditations: [],
    });
    return inviteAccount({
      invitee: user,
      response: user,
      withdraw: () => withdrawUserInvitation(scope, ctx, user),
      idempotency,
      now: ctx.clock.instant(),
    });
  }),
};

export { platformHandlers };
