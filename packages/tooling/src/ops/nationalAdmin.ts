/**
 * The first national admin of a new stage (and any later one): nobody can invite them through the
 * app, since inviting takes a national admin. An operator with access to the stage's table and user
 * pool runs `npm run national-admin -- …` (docs/operations.md).
 */
import { createPlatformLogin } from '@socle/data';
import { NetworkAdminInvite, Role, clockAt } from '@socle/domain';
import type { Principal } from '@socle/domain';
import { ulid } from 'ulid';
import { identityDirectory } from '@socle/functions/identityDirectory';
import { parsePart } from '@socle/functions/middleware/validation';

/** Who the audit trail names for this creation: not a user of the app. */
const OPERATOR: Principal = {
  userId: 'operator',
  roles: [],
  organisms: [],
  name: 'Exploitation (ligne de commande)',
};

/**
 * Validates the input, reserves the email and writes the login with its audit event (one
 * transaction, refused if the email has an account), then sends the invitation (Cognito in AWS). In
 * that order: a failed invitation leaves a login nobody can use yet, not a Cognito user with roles.
 */
const createNationalAdmin = async (input: unknown, now = new Date()) => {
  const person = parsePart(NetworkAdminInvite, input, 'input');
  const userId = ulid(now.getTime());
  const login = await createPlatformLogin(
    { principal: OPERATOR, requestId: `national-admin-${userId}`, clock: clockAt(now) },
    {
      userId,
      email: person.email,
      name: `${person.firstName} ${person.lastName}`,
      roles: [Role.NATIONAL_ADMIN],
      organisms: [],
    },
  );
  await identityDirectory().invite({ id: userId, ...person });
  return login;
};

export { createNationalAdmin };
