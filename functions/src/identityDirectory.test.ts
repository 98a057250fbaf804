import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { cognitoDirectory } from './identityDirectory.ts';

/** A Cognito client that records what it is sent. */
const recordingClient = () => {
  const sent: { name: string; input: unknown }[] = [];
  return {
    sent,
    send: async (command: object) => {
      sent.push({ name: command.constructor.name, input: (command as { input: unknown }).input });
      return {};
    },
  };
};

describe('Function: cognitoDirectory', () => {
  it('signs a disabled user out everywhere, after disabling them', async () => {
    // Prepare
    const client = recordingClient();
    // Act
    await cognitoDirectory('pool-1', client).setEnabled('01USER', false);
    // Assess
    expect(client.sent).toEqual([
      { name: AdminDisableUserCommand.name, input: { UserPoolId: 'pool-1', Username: '01USER' } },
      { name: AdminUserGlobalSignOutCommand.name, input: { UserPoolId: 'pool-1', Username: '01USER' } },
    ]);
  });

  it('only enables a user who is enabled again', async () => {
    const client = recordingClient();
    await cognitoDirectory('pool-1', client).setEnabled('01USER', true);
    expect(client.sent.map((c) => c.name)).toEqual([AdminEnableUserCommand.name]);
  });
});
