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
  createOrganism: defineRoute(routeOf('createOrganism'), ({ actor, body, idempotency }) =>
    createOrganism(actor, body, idempotency),
  ),
  getOrganism: defineRoute(routeOf('getOrganism'), ({ scope, params }) =>
    getOrganism(scope, params.organismId),
  ),
  updateOrganism: defineRoute(routeOf('updateOrganism'), ({ actor, params, body }) =>
    updateOrganism(actor, params.organismId, body),
  ),
  listUsers: defineRoute(routeOf('listUsers'), async ({ scope }) => ({ items: await listUsers(scope) })),
  inviteUser: defineRoute(routeOf('inviteUser'), async ({ actor, body, idempotency }) => {
    const user = await inviteUser(actor, body);
    return inviteAccount({
      invitee: user,
      response: user,
      withdraw: () => withdrawUserInvitation(actor, user),
      idempotency,
      now: actor.clock.instant(),
    });
  }),
  getUser: defineRoute(routeOf('getUser'), ({ scope, params }) => getUser(scope, params.userId)),
  updateUser: defineRoute(routeOf('updateUser'), async ({ actor, params, body }) => {
    const user = await updateUser(actor, params.userId, body);
    if (body.status) await setAccountEnabled(user.id, body.status === 'active');
    return user;
  }),
};

export { networkHandlers };
