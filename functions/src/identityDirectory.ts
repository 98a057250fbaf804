/**
 * Where logins live besides the table. In AWS: the Cognito user pool (username = our user id, so the
 * token trigger finds the login item by `userName`). Locally: nothing, the dev issuer reads the table.
 * Staff and jury users go through the same steps (`inviteAccount`, `setAccountEnabled`).
 */
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsClientConfig, storeIdempotentResponse } from '@socle/data';
import type { IdempotencyRequest } from '@socle/data';
import { emailRefusal, enforce, invitationNotSent } from '@socle/domain';
import type { User } from '@socle/domain';
import { logger } from './logger.ts';
import { loggableError } from './middleware/errorMapper.ts';

interface IdentityDirectory {
  /** Creates the login and sends the invitation email. */
  invite(user: Invitee): Promise<void>;
  setEnabled(userId: string, enabled: boolean): Promise<void>;
}

/** What the directory sends Cognito (the SDK client; tests pass one that records the commands). */
interface CognitoSender {
  send(command: object): Promise<unknown>;
}

const cognitoDirectory = (
  userPoolId: string,
  client: CognitoSender = new CognitoIdentityProviderClient(awsClientConfig()),
): IdentityDirectory => {
  return {
    async invite(user) {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: user.id,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'given_name', Value: user.firstName },
            { Name: 'family_name', Value: user.lastName },
          ],
        }),
      );
      logger.info('login invited', { userId: user.id });
    },
    async setEnabled(userId, enabled) {
      const Command = enabled ? AdminEnableUserCommand : AdminDisableUserCommand;
      await client.send(new Command({ UserPoolId: userPoolId, Username: userId }));
      // Disabling stops new sign-ins; the global sign-out also ends the refresh tokens already
      // given out, so no new access token is minted. Tokens already minted live on until they
      // expire: the API refuses them within a minute (http.ts, the login check).
      if (!enabled) {
        await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: userId }));
      }
    },
  };
};

const localDirectory: IdentityDirectory = {
  async invite() {},
  async setEnabled() {},
};

let directory: IdentityDirectory | undefined;
const identityDirectory = (): IdentityDirectory => {
  const poolId = process.env.USER_POOL_ID;
  directory ??= poolId ? cognitoDirectory(poolId) : localDirectory;
  return directory;
};

/** Replaces the directory of this process (tests: one that records calls or refuses); undefined resets. */
const useIdentityDirectory = (replacement: IdentityDirectory | undefined) => {
  directory = replacement;
};

type Invitee = Pick<User, 'id' | 'email' | 'firstName' | 'lastName'>;

/** Cognito's refusals of the address itself (malformed for it, or taken as an alias), not of the moment. */
const REFUSED_ADDRESS = new Set([
  'InvalidParameterException',
  'AliasExistsException',
  'UsernameExistsException',
]);

/**
 * The account of a person whose login was just committed: created in the directory, then (only
 * then) the idempotent response stored, so a retry of the same key never replays a 201 for someone
 * without an account. If the directory refuses, `withdraw` deletes what was committed and the
 * request is refused (`invitation_not_sent`): nothing is left half-made, and the same request can
 * simply be sent again.
 */
const inviteAccount = async <T>({
  invitee,
  response,
  withdraw,
  idempotency,
  now,
}: {
  invitee: Invitee;
  response: T;
  withdraw: () => Promise<void>;
  idempotency: IdempotencyRequest | undefined;
  now: Date;
}): Promise<T> => {
  try {
    await identityDirectory().invite(invitee);
  } catch (error) {
    logger.error('invitation refused by the identity directory', {
      userId: invitee.id,
      error: loggableError(error),
    });
    await withdraw();
    // An address Cognito will not take gets the same answer as one used elsewhere (emailRefusal).
    enforce(
      REFUSED_ADDRESS.has((error as Error).name) ? emailRefusal({ sameNetwork: false }) : invitationNotSent(),
    );
  }
  if (idempotency) await storeIdempotentResponse(idempotency, { statusCode: 201, body: response }, now);
  return response;
};

/** Disables or re-enables an account after its login's status changed (staff and jury alike). */
const setAccountEnabled = (userId: string, enabled: boolean) =>
  identityDirectory().setEnabled(userId, enabled);

export type { CognitoSender, IdentityDirectory, Invitee };
export { cognitoDirectory, identityDirectory, inviteAccount, setAccountEnabled, useIdentityDirectory };
