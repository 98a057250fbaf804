/**
 * Where logins live besides the table. In AWS: the Cognito user pool (username = our user id, so the
 * token trigger finds the login item by `userName`). Locally: nothing, the dev issuer reads the table.
 */
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '@socle/domain';
import { logger } from './logger.ts';

interface IdentityDirectory {
  /** Creates the login and sends the invitation email. */
  invite(user: Pick<User, 'id' | 'email' | 'firstName' | 'lastName'>): Promise<void>;
  setEnabled(userId: string, enabled: boolean): Promise<void>;
}

const cognitoDirectory = (userPoolId: string): IdentityDirectory => {
  const client = new CognitoIdentityProviderClient({});
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

export type { IdentityDirectory };
export { identityDirectory };
