/** National admin: networks (tenants) and their first administrators. */
import {
  actingOn,
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
  createTenant: defineRoute(routeOf('createTenant'), ({ actor, body, idempotency }) =>
    createTenant(actor, body, idempotency),
  ),
  getTenant: defineRoute(routeOf('getTenant'), ({ params }) => getTenant(params.tenantId)),
  updateTenant: defineRoute(routeOf('updateTenant'), ({ actor, params, body }) =>
    changeTenant(actor, params.tenantId, { kind: 'update', input: body }),
  ),
  suspendTenant: defineRoute(routeOf('suspendTenant'), ({ actor, params, body }) =>
    changeTenant(actor, params.tenantId, { kind: 'suspend', version: body.version, reason: body.reason }),
  ),
  reactivateTenant: defineRoute(routeOf('reactivateTenant'), ({ actor, params, body }) =>
    changeTenant(actor, params.tenantId, { kind: 'reactivate', version: body.version }),
  ),
  listTenantAdmins: defineRoute(routeOf('listTenantAdmins'), async ({ params }) => {
    await getTenant(params.tenantId);
    return { items: await listTenantAdmins(platformScopeFor(params.tenantId)) };
  }),
  inviteTenantAdmin: defineRoute(
    routeOf('inviteTenantAdmin'),
    async ({ actor, params, body, idempotency }) => {
      await getTenant(params.tenantId);
      // The national admin acts on the network named in the path.
      const onTenant = actingOn(actor, platformScopeFor(params.tenantId));
      const user = await inviteUser(onTenant, {
        ...body,
        roles: ['network_admin'],
        organisms: [],
        accreditations: [],
      });
      return inviteAccount({
        invitee: user,
        response: user,
        withdraw: () => withdrawUserInvitation(onTenant, user),
        idempotency,
        now: actor.clock.instant(),
      });
    },
  ),
};

export { platformHandlers };
