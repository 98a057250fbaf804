/** Per-stage values, in one place. Read by `app.ts` (and by the infra tests). */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Stage, StageConfig } from '../lib/stageConfig.ts';

const localWebOrigin = 'http://localhost:5173';

const stages: Record<Stage, StageConfig> = {
  dev: {
    retainData: false,
    logRetention: RetentionDays.TWO_WEEKS,
    accessLogExpirationDays: 30,
    authDomainPrefix: 'socle-dev',
    threatProtection: 'audit',
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
    localWebOrigin,
  },
  staging: {
    retainData: true,
    logRetention: RetentionDays.ONE_MONTH,
    accessLogExpirationDays: 90,
    authDomainPrefix: 'socle-staging',
    threatProtection: 'audit',
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    localWebOrigin,
  },
  prod: {
    retainData: true,
    logRetention: RetentionDays.ONE_YEAR,
    accessLogExpirationDays: 365,
    authDomainPrefix: 'socle',
    threatProtection: 'enforced',
    apiThrottle: { rateLimit: 100, burstLimit: 200 },
  },
};

const isStage = (value: unknown): value is Stage => typeof value === 'string' && Object.hasOwn(stages, value);

export { isStage, stages };
