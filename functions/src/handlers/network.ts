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
  listOrganisms: defineRoute(routeOf('listOrganisms'), async ({ actor }) => ({
    items: await listOrganisms(actor.scope),
  })),
  createOrganism: defineRoute(routeOf('createOrganism'), ({ actor, body, idempotency }) =>
    createOrganism(actor, body, idempotency),
  ),
  getOrganism: defineRoute(routeOf('getOrganism'), ({ actor, params }) =>
    getOrganism(actor.scope, params.organismId),
  ),
  updateOrganism: defineRoute(routeOf('updateOrganism'), ({ actor, params, body }) =>
    updateOrganism(actor, params.organismId, body),
  ),
  listUsers: defineRoute(routeOf('listUsers'), async ({ actor }) => ({
    items: await listUsers(actor.scope),
  })),
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
  getUser: defineRoute(routeOf('getUser'), ({ actor, params }) => getUser(actor.scope, params.userId)),
  updateUser: defineRoute(routeOf('updateUser'), async ({ actor, params, body }) => {
    const user = await updateUser(actor, params.userId, body);
    if (body.status) await setAccountEnabled(user.id, body.status === 'active');
    return user;
  }),
};

export { networkHandlers };
