import { describe, expect, it } from 'vitest';
import { handler } from './lambdas/customMessage.ts';

const context = {
  functionName: 'customMessage',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 5000,
} as never;

const event = (triggerSource: string) => ({
  version: '1',
  triggerSource,
  region: 'eu-west-3',
  userPoolId: 'eu-west-3_abc',
  userName: '01JDEMOUSER0000000000000000',
  callerContext: { awsSdkVersion: 'x', clientId: 'y' },
  request: {
    codeParameter: '{####}',
    usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
    userAttributes: { email: 'claire.martin@reseau-a.fr', given_name: 'Claire', family_name: 'Martin' },
  },
  response: { smsMessage: null, emailMessage: null, emailSubject: null },
});

describe('Lambda: customMessage', () => {
  it("answers Cognito's invitation event with the French message, placeholders kept", async () => {
    const result = (await handler(event('CustomMessage_AdminCreateUser'), context)) as ReturnType<
      typeof event
    >;
    expect(result.response.emailSubject).toBe('Votre accès à Socle');
    expect(result.response.emailMessage).toContain('claire.martin@reseau-a.fr');
    expect(result.response.emailMessage).toContain('{####}');
    expect(result.response.emailMessage).toContain('{username}');
  });

  it('leaves an unknown event as Cognito sent it', async () => {
    const result = (await handler(event('CustomMessage_Other'), context)) as ReturnType<typeof event>;
    expect(result.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });
});
