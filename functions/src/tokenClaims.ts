/**
 * What the Cognito token trigger puts in a user's tokens: the login item's tenant, roles, organisms,
 * region and college, less the admin roles while the user has no TOTP second factor.
 *
 * How the trigger knows: Cognito's own record of the user's MFA methods (AdminGetUser's
 * `UserMFASettingList`), which Cognito sets only once the user has proved a code of the new secret
 * (VerifySoftwareToken) and turned TOTP on (SetUserMFAPreference), and which it enforces at every
 * sign-in from then on (a pool with optional MFA challenges every user who has a method on). A flag
 * of our own (a login attribute set after enrolment) would be a second copy of that fact: it would
 * stay "enrolled" after the user turned TOTP off with their own token, and sign-ins would then run
 * on a password alone while the flag still granted the admin roles.
 */
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { awsClientConfig, claimsOf } from '@socle/data';
import type { Login } from '@socle/data';
import { ROLES_REQUIRING_MFA, rolesGrantedAtSignIn } from '@socle/domain';
import type { CognitoSender } from './identityDirectory.ts';

/** Where the trigger learns whether a user has a TOTP second factor. */
interface SecondFactors {
  totpEnrolled(user: { userPoolId?: string; userName: string }): Promise<boolean>;
}

/** Cognito's record of the user's MFA methods. An event of no pool cannot prove one: not enrolled. */
const cognitoSecondFactors = (
  client: CognitoSender = new CognitoIdentityProviderClient(awsClientConfig()),
): SecondFactors => ({
  async totpEnrolled({ userPoolId, userName }) {
    if (!userPoolId) return false;
    const user = (await client.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userName }),
    )) as AdminGetUserCommandOutput;
    return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  },
});

/** The claims a token gets; `withheld_roles` tells the web app which roles await a second factor. */
type TokenClaims = Record<string, string | string[]>;

/**
 * The claims of a sign-in, pure: none but an empty role list for a missing or disabled login; the
 * admin roles withheld (and named) until TOTP is enrolled.
 */
const tokenClaimsOf = (
  login: Login | undefined,
  { totpEnrolled }: { totpEnrolled: boolean },
): TokenClaims => {
  if (login?.status !== 'active') return { roles: [] };
  const claims = claimsOf(login);
  const { granted, withheld } = rolesGrantedAtSignIn(claims.roles, { totpEnrolled });
  return Object.fromEntries(
    Object.entries({
      tenant: claims.tenantId,
      roles: granted,
      organisms: claims.organisms,
      region: claims.region,
      college: claims.college,
      name: claims.name,
      withheld_roles: withheld.length > 0 ? withheld : undefined,
    }).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined),
  );
};

/** Whether a login's roles depend on a second factor (the directory is asked only then). */
const needsSecondFactor = (login: Login | undefined) =>
  login?.status === 'active' && login.roles.some((role) => ROLES_REQUIRING_MFA.includes(role));

export type { SecondFactors, TokenClaims };
export { cognitoSecondFactors, needsSecondFactor, tokenClaimsOf };
