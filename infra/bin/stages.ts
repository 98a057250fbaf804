/** Per-stage values, in one place. Read by `app.ts` (and by the infra tests). */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Stage, StageConfig } from '../lib/stageConfig.ts';

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

export { isStage, stages };
