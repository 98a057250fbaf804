/** Per-stage values, in one place. Read by `app.ts` (and by the infra tests). */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { EmailConfig, Stage, StageConfig, StageConfigWithEmail } from '../lib/stageConfig.ts';

const localWebOrigin = 'http://localhost:5173';
/** Paris (eu-west-3), next to the users. */
const region = 'eu-west-3';
/**
 * 300 requests per IP per 5 minutes (60 a minute on average): twice the per-client quota of the
 * verification function, so the WAF only stops floods that would otherwise reach Lambda.
 */
const edgeRateLimit = { limit: 300, windowSeconds: 300 } as const;

const stages: Record<Stage, StageConfig> = {
  dev: {
    region,
    retainData: false,
    logRetention: RetentionDays.TWO_WEEKS,
    accessLogExpirationDays: 30,
    authDomainPrefix: 'socle-dev',
    threatProtection: 'audit',
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
    edgeRateLimit,
    localWebOrigin,
  },
  staging: {
    region,
    retainData: true,
    logRetention: RetentionDays.ONE_MONTH,
    accessLogExpirationDays: 90,
    authDomainPrefix: 'socle-staging',
    threatProtection: 'audit',
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    edgeRateLimit,
    localWebOrigin,
  },
  prod: {
    region,
    retainData: true,
    logRetention: RetentionDays.ONE_YEAR,
    accessLogExpirationDays: 365,
    authDomainPrefix: 'socle',
    threatProtection: 'enforced',
    apiThrottle: { rateLimit: 100, burstLimit: 200 },
    edgeRateLimit,
  },
};

const isStage = (value: unknown): value is Stage => typeof value === 'string' && Object.hasOwn(stages, value);

/** The context key of the email senders in cdk.json: `{ "<stage>": { "domain", "cognitoSendsWithSes" } }`. */
const EMAIL_CONTEXT_KEY = 'socle:email';

const isDomain = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(value);

/** The stage's email settings from the context value of `socle:email`; throws naming what is wrong. */
const emailConfigOf = (stage: Stage, context: unknown): EmailConfig => {
  const entry = (context as Record<string, unknown> | undefined)?.[stage] as
    | Record<string, unknown>
    | undefined;
  if (!entry || !isDomain(entry.domain)) {
    throw new Error(
      `cdk.json context "${EMAIL_CONTEXT_KEY}.${stage}.domain" must be a domain name (e.g. mail.example.fr)`,
    );
  }
  if (typeof entry.cognitoSendsWithSes !== 'boolean') {
    throw new Error(
      `cdk.json context "${EMAIL_CONTEXT_KEY}.${stage}.cognitoSendsWithSes" must be true or false`,
    );
  }
  return { domain: entry.domain, cognitoSendsWithSes: entry.cognitoSendsWithSes };
};

/** Everything a stage needs: `stages` plus what cdk.json's context says (`socle:email`). */
const stageConfigOf = (
  stage: Stage,
  context: { readonly [EMAIL_CONTEXT_KEY]?: unknown },
): StageConfigWithEmail => ({
  ...stages[stage],
  email: emailConfigOf(stage, context[EMAIL_CONTEXT_KEY]),
});

export { EMAIL_CONTEXT_KEY, emailConfigOf, isStage, stageConfigOf, stages };
