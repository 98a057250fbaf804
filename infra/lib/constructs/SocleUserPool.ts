import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolEmail,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** Cognito's email through SES: the verified domain, the sender, the configuration set. */
interface UserPoolSesSender {
  readonly domain: string;
  readonly fromAddress: string;
  readonly fromName: string;
  readonly configurationSetName: string;
}

interface SocleUserPoolProps {
  /**
   * Start of the hosted domain prefix; the account id is appended (`authDomainPrefixOf`), so that
   * the prefix, unique per region across AWS, is Socle's in this account.
   */
  readonly domainPrefix: string;
  /** `enforced` blocks risky sign-ins; `audit` only reports them. */
  readonly threatProtection: 'enforced' | 'audit';
  /** RETAIN also turns on the user pool's deletion protection. */
  readonly removalPolicy: RemovalPolicy;
  /** Pre-token-generation trigger (event V2_0): adds Socle's claims to the access token. */
  readonly preTokenGeneration: IFunction;
  /** Custom message trigger: the French invitation, reset and code emails. */
  readonly customMessage: IFunction;
  /**
   * Sends through SES from Socle's domain. @default - Cognito's own sender (about 50 emails a day
   * for the account, from no-reply@verificationemail.com): until the domain is verified
   */
  readonly sesSender?: UserPoolSesSender;
}

/** The hosted domain prefix of a stage in the account of `scope`: `<prefix>-<account id>`. */
const authDomainPrefixOf = (scope: Construct, prefix: string): string =>
  `${prefix}-${Stack.of(scope).account}`;

/**
 * The hosted domain's URL, built from the stage's prefix rather than read from the user pool's
 * stack: a stack that uses it changes when the prefix changes, so a deploy cannot skip it (a
 * cross-stack reference would leave it with the old domain).
 */
const authDomainUrlOf = (scope: Construct, prefix: string): string =>
  `https://${authDomainPrefixOf(scope, prefix)}.auth.${Stack.of(scope).region}.amazoncognito.com`;

/**
 * The staff directory. Accounts are only created by admins (national admin invites network admins,
 * who invite their staff); users sign in with their email through the hosted pages; the access
 * token carries the tenant, roles, organisms, region and college claims added by the trigger.
 */
class SocleUserPool extends UserPool {
  readonly domain: UserPoolDomain;
  /** The token trigger: without it nobody signs in (watched by the stateless stack's monitoring). */
  readonly preTokenGeneration: IFunction;
  /** The custom message trigger: invitations and resets fail without it. */
  readonly customMessage: IFunction;

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
      email: props.sesSender
        ? UserPoolEmail.withSES({
            fromEmail: props.sesSender.fromAddress,
            fromName: props.sesSender.fromName,
            sesVerifiedDomain: props.sesSender.domain,
            configurationSetName: props.sesSender.configurationSetName,
          })
        : undefined,
    });
    this.preTokenGeneration = props.preTokenGeneration;
    this.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      props.preTokenGeneration,
      LambdaVersion.V2_0,
    );
    this.addTrigger(UserPoolOperation.CUSTOM_MESSAGE, props.customMessage);
    this.customMessage = props.customMessage;
    this.domain = this.addDomain('Domain', {
      cognitoDomain: { domainPrefix: authDomainPrefixOf(this, props.domainPrefix) },
    });
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

export type { SocleUserPoolProps, UserPoolSesSender };
export { SocleUserPool, authDomainPrefixOf, authDomainUrlOf };
