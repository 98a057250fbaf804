/** Network admin: organisms and staff of the caller's network. */
import {
  createOrganism,
  getOrganism,
  getUser,
  inviteUser,
  listOrganisms,
  listUsers,
  updateOrganism,
  updateUser,
  withdrawUserInvitation,
} from '@socle/data';
import { routeOf } from '@socle/contract/routeOf/network';
import { defineRoute } from '../http.ts';
import { inviteAccount, setAccountEnabled } from '../identityDirectory.ts';

const networkHandlers = {
  listOrganisms: defineRoute(routeOf('listOrganisms'), async ({ scope }) => ({
    items: await listOrganisms(scope),
  })),
  createOrganism: defineRoute(routeOf('createOrganism'), ({ scope, ctx, body, idempotency }) =>
    createOrganism(scope, ctx, body, idempotency),
  ),
  getOrganism: defineRoute(routeOf('getOrganism'), ({ scope, params }) =>
    getOrganism(scope, params.organismId),
  ),
  updateOrganism: defineRoute(routeOf('updateOrganism'), ({ scope, ctx, params, body }) =>
    updateOrganism(scope, ctx, params.organismId, body),
  ),
  listUsers: defineRoute(routeOf('listUsers'), async ({ scope }) => ({ items: await listUsers(scope) })),
  inviteUser: defineRoute(routeOf('inviteUser'), async ({ scope, ctx, body, idempotency }) => {
    const user = await inviteUser(scope, ctx, body);
    return inviteAccount({
      invitee: user,
      response: user,
      withdraw: () => withdrawUserInvitation(scope, ctx, user),
      idempotency,
      now: ctx.clock.instant(),
    });
  }),
  getUser: defineRoute(routeOf('getUser'), ({ scope, params }) => getUser(scope, params.userId)),
  updateUser: defineRoute(routeOf('updateUser'), async ({ scope, ctx, params, body }) => {
    const user = await updateUser(scope, ctx, params.userId, body);
    if (body.status) await setAccountEnabled(user.id, body.status === 'active');
    return user;
  }),
};

export { networkHandlers };
