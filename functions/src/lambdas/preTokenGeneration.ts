/**
 * Cognito pre-token-generation trigger (V2 event): adds tenant, roles, organisms, region and college
 * to the access and id tokens, read from the login item in the table, never from user attributes.
 * A login that is missing or disabled gets no roles, so the API refuses every protected route; the
 * national and network admin roles wait for a TOTP second factor (tokenClaims.ts says why and how).
 */
import { findLogin } from '@socle/data';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';
import { cognitoSecondFactors, needsSecondFactor, tokenClaimsOf } from '../tokenClaims.ts';
import type { SecondFactors } from '../tokenClaims.ts';

interface PreTokenGenerationV2Event {
  userName: string;
  userPoolId?: string;
  response: Record<string, unknown>;
  [key: string]: unknown;
}

let secondFactors: SecondFactors | undefined;

/** Replaces where the trigger learns of second factors (tests: a stub of Cognito); undefined resets. */
const useSecondFactors = (replacement: SecondFactors | undefined) => {
  secondFactors = replacement;
};

export const handler = withLambdaContextLogging(async (event: PreTokenGenerationV2Event) => {
  const login = await findLogin(event.userName);
  if (!login) logger.warn('no login item for user', { userName: event.userName });
  // Cognito is asked only for the logins whose roles depend on it (admins): one call per sign-in.
  secondFactors ??= cognitoSecondFactors();
  const totpEnrolled = needsSecondFactor(login)
    ? await secondFactors.totpEnrolled({ userPoolId: event.userPoolId, userName: event.userName })
    : false;
  const claims = tokenClaimsOf(login, { totpEnrolled });
  if (claims.withheld_roles) {
    logger.debug('admin roles withheld until TOTP is enrolled', { userName: event.userName });
  }
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
});

export { useSecondFactors };
