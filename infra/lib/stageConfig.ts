/** What differs between deployments. Values live in `bin/stages.ts`; constructs only see props. */
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';

type Stage = 'dev' | 'staging' | 'prod';

/** Evaluation windows AWS WAF offers for rate-based rules. */
type RateWindowSeconds = 60 | 120 | 300 | 600;

/** A WAF rate-based rule: at most `limit` requests per client IP over the last `windowSeconds`. */
interface EdgeRateLimit {
  /** 10 at least (AWS WAF's minimum). */
  readonly limit: number;
  readonly windowSeconds: RateWindowSeconds;
}

interface StageConfig {
  /**
   * Region of the stateful and stateless stacks. Explicit because the web ACL of the CloudFront
   * distribution lives in us-east-1, and a cross-region reference needs both regions known at synth.
   */
  readonly region: string;
  /**
   * Keep the table and the user pool (RemovalPolicy.RETAIN, user pool deletion protection) and the
   * log groups when a stack is deleted. Off only where data is disposable.
   */
  readonly retainData: boolean;
  /** Retention of every log group (Lambda, API access logs). */
  readonly logRetention: RetentionDays;
  /** Days S3 and CloudFront access logs are kept. */
  readonly accessLogExpirationDays: number;
  /**
   * Start of the Cognito hosted domain prefix; the account id follows it
   * (`<prefix>-<account>.auth.<region>.amazoncognito.com`): prefixes are unique per region across
   * every AWS account, and a bare `socle` may be taken.
   */
  readonly authDomainPrefix: string;
  /** Cognito Plus threat protection: `enforced` blocks risky sign-ins, `audit` only reports them. */
  readonly threatProtection: 'enforced' | 'audit';
  /** HTTP API default stage throttling (requests per second, and burst). */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * WAF rate-based rule on the public verification paths behind CloudFront (`/public/*`,
   * `/.well-known/*`), per viewer IP: the coarse outer limit, above the per-client quota the
   * verification function keeps in DynamoDB (`PUBLIC_RATE_LIMIT_PER_MINUTE`, 30 by default).
   */
  readonly edgeRateLimit: EdgeRateLimit;
  /**
   * Origin of the local web dev server (`npm run dev -w web`): allowed by CORS and as an OAuth
   * callback. Left out in prod so that the production user pool only redirects to the real site.
   * @default - no local origin
   */
  readonly localWebOrigin?: string;
  /**
   * Receives every alarm (SNS e-mail subscription, confirmed from the first message).
   * @default - no subscription: subscribe to the alarm topic by hand (docs/operations.md)
   */
  readonly alarmEmail?: string;
  /**
   * After a point-in-time restore, the restored table the functions use instead of the stack's own
   * (which stays, retained): docs/operations.md, "Backup and restore". `-c restoredTable=<name>`
   * overrides it for one deploy. @default - the stack's own table
   */
  readonly restoredTableName?: string;
}

/** The stage's email sender (cdk.json context `socle:email`, per stage). */
interface EmailConfig {
  /** The domain SES sends from (`ne-pas-repondre@<domain>`), verified by DKIM records in its DNS. */
  readonly domain: string;
  /**
   * Cognito sends through SES once the domain is verified and the account out of the SES sandbox
   * (docs/operations.md, first deploy); until then, Cognito's own sender (about 50 emails a day).
   */
  readonly cognitoSendsWithSes: boolean;
}

interface StageConfigWithEmail extends StageConfig {
  readonly email: EmailConfig;
  /**
   * The site's public address, when it has a fixed one (a custom domain), for the link of the
   * invitation email. @default - the invitation names Socle without a link
   */
  readonly siteUrl?: string;
}

export type { EdgeRateLimit, EmailConfig, RateWindowSeconds, Stage, StageConfig, StageConfigWithEmail };
