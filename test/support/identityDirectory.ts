/**
 * An identity directory held in memory, installed in the test process in place of Cognito (the
 * local server runs the handlers in this process): it records the accounts the handlers make and
 * answers as Cognito does (a username made twice, an address it cannot take, under the reserved
 * `.invalid` domain here, or an unknown username is an error). It can be
 * told to refuse the next invitations, as Cognito does when throttled or misconfigured.
 */
import type { IdentityDirectory, Invitee } from '@socle/functions/identityDirectory';
import { useIdentityDirectory } from '@socle/functions/identityDirectory';

interface Account extends Invitee {
  enabled: boolean;
}

interface MemoryDirectory {
  accounts: Map<string, Account>;
  /** Makes the next `count` invitations fail (nothing is created for them). */
  refuseInvitations(count: number): void;
  /** Puts the real directory of the process back. */
  uninstall(): void;
}

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });

const installMemoryDirectory = (): MemoryDirectory => {
  const accounts = new Map<string, Account>();
  let refusals = 0;
  const directory: IdentityDirectory = {
    async invite(invitee) {
      if (refusals > 0) {
        refusals--;
        throw cognitoError('TooManyRequestsException', 'Rate exceeded');
      }
      if (accounts.has(invitee.id))
        throw cognitoError('UsernameExistsException', 'User account already exists');
      if (invitee.email.endsWith('.invalid')) {
        throw cognitoError('InvalidParameterException', 'Invalid email address format.');
      }
      accounts.set(invitee.id, { ...invitee, enabled: true });
    },
    async setEnabled(userId, enabled) {
      const account = accounts.get(userId);
      if (!account) throw cognitoError('UserNotFoundException', 'User does not exist.');
      account.enabled = enabled;
    },
  };
  useIdentityDirectory(directory);
  return {
    accounts,
    refuseInvitations: (count) => {
      refusals = count;
    },
    uninstall: () => useIdentityDirectory(undefined),
  };
};

export type { MemoryDirectory };
export { installMemoryDirectory };
