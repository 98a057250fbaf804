/**
 * The Cognito trigger reads claims from the login item only; user attributes cannot change them. The
 * admin roles wait for a TOTP second factor, which the trigger learns from Cognito (stubbed here).
 */
import { handler as trigger, useSecondFactors } from '@socle/functions/lambdas/preTokenGeneration';
import type { Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());
afterEach(() => useSecondFactors(undefined));

/** Cognito's answer about second factors, stubbed: the users enrolled, and who was asked about. */
const stubSecondFactors = (enrolled: string[]) => {
  const asked: { userPoolId?: string; userName: string }[] = [];
  useSecondFactors({
    totpEnrolled: async (user) => {
      asked.push(user);
      return enrolled.includes(user.userName);
    },
  });
  return asked;
};

/** What Lambda hands the trigger with its event (the logger reads it). */
const context = { functionName: 'preTokenGeneration', awsRequestId: 'test-request' } as Context;
const handler = (event: Parameters<typeof trigger>[0]) => trigger(event, context);

const eventFor = (userName: string, attributes: Record<string, string> = {}) => ({
  version: '2',
  userPoolId: 'eu-west-3_pool',
  triggerSource: 'TokenGeneration_Authentication',
  userName,
  request: { userAttributes: { sub: 'cognito-uuid', ...attributes }, groupConfiguration: {}, scopes: [] },
  response: {},
});

type Overrides = {
  claimsAndScopeOverrideDetails: {
    accessTokenGeneration: { claimsToAddOrOverride: Record<string, unknown> };
  };
};

describe('Lambda: preTokenGeneration', () => {
  it('adds tenant, roles and organisms from the login item to the access token', async () => {
    const event = await handler(eventFor(world.a.userIds.advisor));
    const claims = (event.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
      .claimsToAddOrOverride;
    expect(claims).toMatchObject({
      tenant: world.a.tenantId,
      roles: ['advisor'],
      organisms: [world.a.organismId],
    });
  });

  it('ignores user attributes that claim another tenant or role', async () => {
    const event = await handler(
      eventFor(world.a.userIds.advisor, {
        'custom:tenant': world.b.tenantId,
        'custom:roles': 'national_admin',
      }),
    );
    const claims = (event.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
      .claimsToAddOrOverride;
    expect(claims.tenant).toBe(world.a.tenantId);
    expect(claims.roles).toEqual(['advisor']);
  });

  it('gives no role to an unknown or disabled login', async () => {
    const unknown = await handler(eventFor('01JAZNJY74SB33NTS68B6PHGED'));
    expect(
      (unknown.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
        .claimsToAddOrOverride,
    ).toEqual({ roles: [] });
    await api.call('PATCH', `/users/${world.a.userIds.evaluator}`, {
      token: world.a.tokens.admin,
      body: { version: 1, status: 'disabled' },
    });
    const disabled = await handler(eventFor(world.a.userIds.evaluator));
    expect(
      (disabled.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
        .claimsToAddOrOverride,
    ).toEqual({ roles: [] });
  });

  it('withholds the network admin role until TOTP is enrolled, and says so', async () => {
    // Prepare
    const asked = stubSecondFactors([]);
    // Act
    const event = await handler(eventFor(world.a.userIds.admin));
    // Assess
    const claims = (event.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
      .claimsToAddOrOverride;
    expect(claims.roles).toEqual([]);
    expect(claims.withheld_roles).toEqual(['network_admin']);
    expect(claims.tenant).toBe(world.a.tenantId);
    expect(asked).toEqual([{ userPoolId: 'eu-west-3_pool', userName: world.a.userIds.admin }]);
  });

  it('grants the admin role once Cognito records a TOTP method', async () => {
    stubSecondFactors([world.a.userIds.admin]);
    const event = await handler(eventFor(world.a.userIds.admin));
    const claims = (event.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
      .claimsToAddOrOverride;
    expect(claims.roles).toEqual(['network_admin']);
    expect(claims.withheld_roles).toBeUndefined();
  });

  it('does not ask Cognito about staff, who need no second factor', async () => {
    const asked = stubSecondFactors([]);
    const event = await handler(eventFor(world.a.userIds.trainer));
    const claims = (event.response as Overrides).claimsAndScopeOverrideDetails.accessTokenGeneration
      .claimsToAddOrOverride;
    expect(claims.roles).toEqual(['trainer']);
    expect(asked).toEqual([]);
  });
});
