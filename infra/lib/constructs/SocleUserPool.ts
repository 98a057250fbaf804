import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

interface SocleUserPoolProps {
  /** Hosted domain prefix: `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** `enforced` blocks risky sign-ins; `audit` only reports them. */
  readonly threatProtection: 'enforced' | 'audit';
  /** RETAIN also turns on the user pool's deletion protection. */
  readonly removalPolicy: RemovalPolicy;
  /** Pre-token-generation trigger (event V2_0): adds Socle's claims to the access token. */
  readonly preTokenGeneration: IFunction;
}

/**
 * The staff directory. Accounts are only created by admins (national admin invites network admins,
 * who invite their staff); users sign in with their email through the hosted pages; the access
 * token carries the tenant, roles, organisms, region and college claims added by the trigger.
 */
class SocleUserPool extends UserPool {
  readonly domain: UserPoolDomain;
  /** The token trigger: without it nobody signs in (watched by the stateless stack's monitoring). */
  readonly preTokenGeneration: IFunction;

  constructor(scope: Construct, id: string, props: SocleUserPoolProps) {
    const retain = props.removalPolicy === RemovalPolicy.RETAIN;
    super(scope, id, {
      selfSignUpEnabled: false,
      // The username is Socle's user id (set by AdminCreateUser, read by the token trigger as
      // `userName`); people sign in with their verified email, an alias of it.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, adaptive authentication); it also
      // allows access-token customisation by the V2_0 trigger.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode:
        props.threatProtection === 'enforced'
          ? StandardThreatProtectionMode.FULL_FUNCTION
          : StandardThreatProtectionMode.AUDIT_ONLY,
      deletionProtection: retain,
      removalPolicy: props.removalPolicy,
    });
    this.preTokenGeneration = props.preTokenGeneration;
    this.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      props.preTokenGeneration,
      LambdaVersion.V2_0,
    );
    this.domain = this.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'TOTP MFA is optional at pool level: the token trigger withholds the national and network admin roles until it is enrolled; Plus threat protection challenges risky sign-ins.',
    });
  }

  /** The OIDC issuer (`iss` of the tokens); `/.well-known/openid-configuration` lives under it. */
  get issuerUrl(): string {
    const stack = Stack.of(this);
    return `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPoolId}`;
  }
}

export type { SocleUserPoolProps };
export { SocleUserPool };
