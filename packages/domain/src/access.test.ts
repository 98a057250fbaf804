import { describe, expect, it } from 'vitest';
import { ACCESS_RULE_CODES, currentAccess, rolesGrantedAtSignIn } from './access.ts';
import type { LoginState } from './access.ts';
import type { Principal } from './principal.ts';

const advisor: Principal = {
  userId: 'u1',
  tenantId: 't1',
  roles: ['advisor', 'evaluator'],
  organisms: ['o1', 'o2'],
};
const loginOf = (overrides: Partial<LoginState> = {}): LoginState => ({
  status: 'active',
  tenantId: 't1',
  roles: ['advisor', 'evaluator'],
  organisms: ['o1', 'o2'],
  ...overrides,
});

describe('Function: currentAccess', () => {
  it('grants the token as it is while the login is unchanged', () => {
    expect(currentAccess(advisor, loginOf())).toEqual({ ok: true, principal: advisor });
  });

  it('refuses a disabled login', () => {
    expect(currentAccess(advisor, loginOf({ status: 'disabled' }))).toMatchObject({
      ok: false,
      code: 'access_revoked',
    });
  });

  it('refuses a login that no longer exists', () => {
    expect(currentAccess(advisor, undefined)).toMatchObject({ ok: false, code: 'access_revoked' });
  });

  it('refuses a token of another network than the login now belongs to', () => {
    expect(currentAccess(advisor, loginOf({ tenantId: 't2' }))).toMatchObject({ ok: false });
  });

  it('refuses a jury token whose region or college changed', () => {
    const juror: Principal = {
      userId: 'j1',
      roles: ['jury_member'],
      organisms: [],
      region: '11',
      college: 'employer',
    };
    const jurorLogin = loginOf({ tenantId: undefined, roles: ['jury_member'], organisms: [], region: '11' });
    expect(currentAccess(juror, { ...jurorLogin, college: 'employee' }).ok).toBe(false);
    expect(currentAccess(juror, { ...jurorLogin, college: 'employer', region: '84' }).ok).toBe(false);
    expect(currentAccess(juror, { ...jurorLogin, college: 'employer' }).ok).toBe(true);
  });

  it('treats a missing, null or empty scope claim alike', () => {
    const national: Principal = { userId: 'n', roles: ['national_admin'], organisms: [] };
    expect(
      currentAccess(national, { status: 'active', tenantId: null, roles: ['national_admin'], organisms: [] })
        .ok,
    ).toBe(true);
  });

  it('drops a role the login no longer holds', () => {
    const granted = currentAccess(advisor, loginOf({ roles: ['advisor'] }));
    expect(granted.ok && granted.principal.roles).toEqual(['advisor']);
  });

  it('drops an organism the login no longer holds', () => {
    const granted = currentAccess(advisor, loginOf({ organisms: ['o2'] }));
    expect(granted.ok && granted.principal.organisms).toEqual(['o2']);
  });

  it('never grants a role the token does not carry', () => {
    const granted = currentAccess(advisor, loginOf({ roles: ['advisor', 'evaluator', 'network_admin'] }));
    expect(granted.ok && granted.principal.roles).toEqual(['advisor', 'evaluator']);
  });

  it('refuses with a French message and a code of the closed list', () => {
    const refused = currentAccess(advisor, undefined);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(ACCESS_RULE_CODES).toContain(refused.code);
    expect(refused.message).toMatch(/accès a été retiré/);
  });
});

describe('Function: rolesGrantedAtSignIn', () => {
  it('withholds national and network admin roles until TOTP is enrolled', () => {
    expect(rolesGrantedAtSignIn(['network_admin', 'advisor'], { totpEnrolled: false })).toEqual({
      granted: ['advisor'],
      withheld: ['network_admin'],
    });
    expect(rolesGrantedAtSignIn(['national_admin'], { totpEnrolled: false })).toEqual({
      granted: [],
      withheld: ['national_admin'],
    });
  });

  it('grants every role once TOTP is enrolled', () => {
    expect(rolesGrantedAtSignIn(['network_admin', 'advisor'], { totpEnrolled: true })).toEqual({
      granted: ['network_admin', 'advisor'],
      withheld: [],
    });
  });

  it('requires no second factor of staff and juries', () => {
    expect(
      rolesGrantedAtSignIn(['advisor', 'evaluator', 'trainer', 'jury_member', 'jury_secretary'], {
        totpEnrolled: false,
      }).withheld,
    ).toEqual([]);
  });
});
