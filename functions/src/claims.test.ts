import { describe, expect, it } from 'vitest';
import { flattenClaims, issuedAtOf, listClaim, principalFromEvent } from './claims.ts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const eventWith = (claims: Record<string, unknown> | undefined) =>
  ({
    requestContext: { authorizer: claims ? { jwt: { claims } } : undefined },
  }) as unknown as APIGatewayProxyEventV2;

describe('Function: listClaim', () => {
  it('reads the bracketed form API Gateway gives arrays', () => {
    expect(listClaim('[advisor evaluator]')).toEqual(['advisor', 'evaluator']);
  });
  it('reads a JSON array string', () => {
    expect(listClaim('["advisor","trainer"]')).toEqual(['advisor', 'trainer']);
  });
  it('reads a real array', () => {
    expect(listClaim(['a', 'b'])).toEqual(['a', 'b']);
  });
  it('reads an empty claim as no value', () => {
    expect(listClaim('[]')).toEqual([]);
  });
});

describe('Function: principalFromEvent', () => {
  it('builds the principal from flattened claims', () => {
    const claims = flattenClaims({
      token_use: 'access',
      sub: 'u1',
      tenant: 't1',
      roles: ['advisor'],
      organisms: ['o1', 'o2'],
    });
    expect(principalFromEvent(eventWith(claims))).toEqual({
      userId: 'u1',
      tenantId: 't1',
      roles: ['advisor'],
      organisms: ['o1', 'o2'],
    });
  });
  it('takes the user id from the Cognito username, not from its sub', () => {
    const claims = flattenClaims({
      token_use: 'access',
      sub: 'cognito-uuid',
      username: 'u1',
      roles: ['trainer'],
    });
    expect(principalFromEvent(eventWith(claims))?.userId).toBe('u1');
  });
  it('has no principal for an ID token, whatever it claims', () => {
    const claims = flattenClaims({ token_use: 'id', sub: 'u1', roles: ['national_admin'], aud: 'app' });
    expect(principalFromEvent(eventWith(claims))).toBeUndefined();
  });
  it('has no principal for a token that does not say what it is', () => {
    expect(principalFromEvent(eventWith({ sub: 'u1', roles: '[advisor]' }))).toBeUndefined();
  });
  it('has no principal without claims', () => {
    expect(principalFromEvent(eventWith(undefined))).toBeUndefined();
  });
  it('has no principal when a role is unknown', () => {
    expect(
      principalFromEvent(eventWith({ token_use: 'access', sub: 'u1', roles: '[superuser]' })),
    ).toBeUndefined();
  });
});

describe('Function: issuedAtOf', () => {
  it('reads iat in milliseconds, as the authorizer flattens it to a string', () => {
    expect(issuedAtOf(eventWith({ iat: '1765000000' }))).toBe(1_765_000_000_000);
  });
  it('has no issue time without a valid iat', () => {
    expect(issuedAtOf(eventWith({ iat: 'soon' }))).toBeUndefined();
    expect(issuedAtOf(eventWith(undefined))).toBeUndefined();
  });
});
