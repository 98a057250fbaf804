/**
 * Who may act now, pure. A token carries the claims its login had when it was issued (an hour ago
 * in AWS); the login may since have been disabled, lost a role or an organism, or moved. The API
 * narrows every token to its login's current state, and the token trigger withholds the admin roles
 * from anyone who has not enrolled a second factor.
 */
import { refuse } from './rules/verdict.ts';
import type { Refused } from './rules/verdict.ts';
import { Role } from './constants.ts';
import type { Principal } from './principal.ts';
import { ACCESS_RULE_CODES } from './rules/ruleCodes.ts';
import type { AccessRuleCode } from './rules/ruleCodes.ts';

/** The state of a login the decisions read: the fields the token's claims were copied from. */
interface LoginState {
  status: 'active' | 'disabled';
  tenantId?: string | null;
  roles: readonly Role[];
  organisms: readonly string[];
  region?: string | null;
  college?: string | null;
}

/** A principal to act as, narrowed to the login's current roles and organisms. */
interface Granted {
  readonly ok: true;
  readonly principal: Principal;
}

const REVOKED_MESSAGE =
  'Votre accès a été retiré ou modifié : reconnectez-vous, ou adressez-vous à votre administrateur.';

/** `undefined`, `null` and `''` all mean "no such claim". */
const sameScope = (a: string | null | undefined, b: string | null | undefined) => (a || '') === (b || '');

/**
 * What a token's principal may do now, given its login as it currently is: refused when the login is
 * gone, disabled, or belongs to another network, region or college than the token says (the token's
 * scope is no longer true); otherwise the token's roles and organisms that the login still holds
 * (never more than the token: a role added since needs a new token).
 */
const currentAccess = (
  principal: Principal,
  login: LoginState | undefined,
): Granted | Refused<AccessRuleCode> => {
  if (login?.status !== 'active') return refuse('access_revoked', REVOKED_MESSAGE);
  if (
    !sameScope(principal.tenantId, login.tenantId) ||
    !sameScope(principal.region, login.region) ||
    !sameScope(principal.college, login.college)
  ) {
    return refuse('access_revoked', REVOKED_MESSAGE);
  }
  return {
    ok: true,
    principal: {
      ...principal,
      roles: principal.roles.filter((r) => login.roles.includes(r)),
      organisms: principal.organisms.filter((o) => login.organisms.includes(o)),
    },
  };
};

/**
 * Roles that administer people or the platform: a stolen password alone must not yield them, so
 * they are granted only to a login with a verified second factor (TOTP).
 */
const ROLES_REQUIRING_MFA: readonly Role[] = [Role.NATIONAL_ADMIN, Role.NETWORK_ADMIN];

/** The roles a sign-in grants: the login's roles, less the admin ones while no TOTP is enrolled. */
const rolesGrantedAtSignIn = (
  roles: readonly Role[],
  { totpEnrolled }: { totpEnrolled: boolean },
): { granted: Role[]; withheld: Role[] } => {
  const withheld = totpEnrolled ? [] : roles.filter((r) => ROLES_REQUIRING_MFA.includes(r));
  return { granted: roles.filter((r) => !withheld.includes(r)), withheld };
};

export type { AccessRuleCode, Granted, LoginState };
export { ACCESS_RULE_CODES, ROLES_REQUIRING_MFA, currentAccess, rolesGrantedAtSignIn };
