import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Login } from '@socle/data';
import { describe, expect, it } from 'vitest';
import { cognitoSecondFactors, needsSecondFactor, tokenClaimsOf } from './tokenClaims.ts';

const login = (overrides: Partial<Login> = {}): Login => ({
  userId: 'u1',
  email: 'u1@exemple.fr',
  name: 'Alice Admin',
  tenantId: 't1',
  roles: ['network_admin', 'advisor'],
  organisms: ['o1'],
  status: 'active',
  ...overrides,
});

describe('Function: tokenClaimsOf', () => {
  it('withholds the admin role, and names it, until TOTP is enrolled', () => {
    expect(tokenClaimsOf(login(), { totpEnrolled: false })).toEqual({
      tenant: 't1',
      roles: ['advisor'],
      organisms: ['o1'],
      name: 'Alice Admin',
      withheld_roles: ['network_admin'],
    });
  });

  it('grants every role of the login once TOTP is enrolled', () => {
    expect(tokenClaimsOf(login(), { totpEnrolled: true })).toEqual({
      tenant: 't1',
      roles: ['network_admin', 'advisor'],
      organisms: ['o1'],
      name: 'Alice Admin',
    });
  });

  it('withholds the national admin role too', () => {
    const national = login({ tenantId: undefined, roles: ['national_admin'], organisms: [] });
    expect(tokenClaimsOf(national, { totpEnrolled: false })).toMatchObject({
      roles: [],
      withheld_roles: ['national_admin'],
    });
  });

  it('gives staff and juries their roles without a second factor', () => {
    const juror = login({
      tenantId: undefined,
      roles: ['jury_member'],
      organisms: [],
      region: '11',
      college: 'employee',
    });
    expect(tokenClaimsOf(juror, { totpEnrolled: false })).toEqual({
      roles: ['jury_member'],
      organisms: [],
      region: '11',
      college: 'employee',
      name: 'Alice Admin',
    });
  });

  it('gives no role to a disabled or missing login', () => {
    expect(tokenClaimsOf(login({ status: 'disabled' }), { totpEnrolled: true })).toEqual({ roles: [] });
    expect(tokenClaimsOf(undefined, { totpEnrolled: true })).toEqual({ roles: [] });
  });
});

describe('Function: needsSecondFactor', () => {
  it('asks the directory only for active admins', () => {
    expect(needsSecondFactor(login())).toBe(true);
    expect(needsSecondFactor(login({ roles: ['advisor'] }))).toBe(false);
    expect(needsSecondFactor(login({ status: 'disabled' }))).toBe(false);
    expect(needsSecondFactor(undefined)).toBe(false);
  });
});

describe('Function: cognitoSecondFactors', () => {
  /** A Cognito client answering AdminGetUser with these MFA methods, recording what it is asked. */
  const clientWith = (methods: string[] | undefined) => {
    const asked: unknown[] = [];
    return {
      asked,
      send: async (command: object) => {
        expect(command).toBeInstanceOf(AdminGetUserCommand);
        asked.push((command as AdminGetUserCommand).input);
        return { Username: 'u1', UserMFASettingList: methods };
      },
    };
  };

  it("reads the user's MFA methods from the pool of the event", async () => {
    const client = clientWith(['SOFTWARE_TOKEN_MFA']);
    const enrolled = await cognitoSecondFactors(client).totpEnrolled({
      userPoolId: 'pool-1',
      userName: 'u1',
    });
    expect(enrolled).toBe(true);
    expect(client.asked).toEqual([{ UserPoolId: 'pool-1', Username: 'u1' }]);
  });

  it('is not enrolled without a TOTP method', async () => {
    const factors = (methods?: string[]) =>
      cognitoSecondFactors(clientWith(methods)).totpEnrolled({ userPoolId: 'pool-1', userName: 'u1' });
    expect(await factors(undefined)).toBe(false);
    expect(await factors(['SMS_MFA'])).toBe(false);
  });

  it('cannot prove a second factor for an event of no pool', async () => {
    const client = clientWith(['SOFTWARE_TOKEN_MFA']);
    expect(await cognitoSecondFactors(client).totpEnrolled({ userName: 'u1' })).toBe(false);
    expect(client.asked).toEqual([]);
  });
});
