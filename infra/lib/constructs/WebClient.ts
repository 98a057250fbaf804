import { Duration } from 'aws-cdk-lib';
import {
  ClientAttributes,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

interface WebClientProps {
  readonly userPool: IUserPool;
  /** Origins of the web app (`https://…`, no trailing slash): callbacks and logout redirects. */
  readonly webOrigins: readonly string[];
}

/** Paths of the web app that Cognito redirects to. */
const callbackPath = '/auth/callback';
const logoutPath = '/';

/**
 * The SPA's app client: public (no secret, the browser cannot keep one), authorization code grant
 * with PKCE only, and the app can edit the user's names but never their email (the sign-in
 * identifier, managed by admins).
 */
class WebClient extends UserPoolClient {
  constructor(scope: Construct, id: string, props: WebClientProps) {
    super(scope, id, {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        // `aws.cognito.signin.user.admin`: the access token may call Cognito's own user APIs, which
        // the security page uses to enrol a TOTP second factor (AssociateSoftwareToken,
        // VerifySoftwareToken, SetUserMFAPreference); the admin roles wait for it.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: props.webOrigins.map((origin) => `${origin}${callbackPath}`),
        logoutUrls: props.webOrigins.map((origin) => `${origin}${logoutPath}`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes().withStandardAttributes({
        email: true,
        emailVerified: true,
        givenName: true,
        familyName: true,
      }),
      writeAttributes: new ClientAttributes().withStandardAttributes({ givenName: true, familyName: true }),
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // A working day: staff sign in again each morning.
      refreshTokenValidity: Duration.hours(12),
    });
  }
}

export type { WebClientProps };
export { WebClient };
