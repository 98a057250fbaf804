/**
 * One Powertools Metrics instance per process: EMF lines on stdout that CloudWatch turns into
 * metrics, namespace `Socle`, dimension `service`. The route wrapper flushes them once per request
 * (`logMetrics`); handlers only add business counts.
 *
 * Outside Lambda (`npm run dev`, the sweep script, tests) the EMF lines would only clutter stdout, so
 * metrics are disabled there unless `POWERTOOLS_METRICS_DISABLED` says otherwise. Powertools reads
 * that variable when the instance is built, hence the default set here, before `new Metrics`.
 */
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';
import { METRICS_NAMESPACE, type SocleMetric } from './metricNames.ts';

if (process.env.AWS_LAMBDA_FUNCTION_NAME === undefined) process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const metrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'socle',
  // Powertools' own warnings (invalid metric, …) as structured log lines, not bare console output.
  logger,
});

/** Adds `count` to a business counter of this request (flushed by the route wrapper). */
const countMetric = (name: SocleMetric, count = 1) => {
  metrics.addMetric(name, MetricUnit.Count, count);
};

export { countMetric, metrics };
