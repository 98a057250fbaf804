/**
 * Cognito pre-token-generation trigger (V2 event): adds tenant, roles, organisms, region and college
 * to the access and id tokens, read from the login item in the table, never from user attributes.
 * A login that is missing or disabled gets no roles, so the API refuses every protected route.
 */
import { claimsOf, findLogin } from '@socle/data';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';

interface PreTokenGenerationV2Event {
  userName: string;
  response: Record<string, unknown>;
  [key: string]: unknown;
}

const tokenClaims = (claims: ReturnType<typeof claimsOf>) =>
  Object.fromEntries(
    Object.entries({
      tenant: claims.tenantId,
      roles: claims.roles,
      organisms: claims.organisms,
      region: claims.region,
      college: claims.college,
      name: claims.name,
    }).filter(([, v]) => v !== undefined),
  );

export const handler = withLambdaContextLogging(async (event: PreTokenGenerationV2Event) => {
  const login = await findLogin(event.userName);
  const claims =
    login && login.status === 'active' ? tokenClaims(claimsOf(login)) : { roles: [] as string[] };
  if (!login) logger.warn('no login item for user', { userName: event.userName });
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims },
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
});
