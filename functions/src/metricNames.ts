/**
 * The custom metrics Socle publishes (CloudWatch embedded metric format, functions/src/metrics.ts),
 * named once: the functions emit them and the CDK dashboard and alarms read them. Every metric has
 * one dimension, `service` (the Lambda's `POWERTOOLS_SERVICE_NAME`).
 */

/** The CloudWatch namespace of every Socle metric. */
const METRICS_NAMESPACE = 'Socle';

const SocleMetric = {
  /** Certificates issued by a jury closing (service `juries`), counted once per certificate. */
  CERTIFICATES_ISSUED: 'CertificatesIssued',
  /** Public verifications answered (service `verification`): by code, by name, by credential. */
  VERIFICATIONS: 'Verifications',
  /** 0 or 1 per API request: its average is the share of 4xx answers. */
  CLIENT_ERRORS: 'ClientErrors',
  /** 0 or 1 per API request: its average is the share of 5xx answers. */
  SERVER_ERRORS: 'ServerErrors',
  /** AWS dependencies that did not answer in time (timeout, reset, throttling): answered 503. */
  DEPENDENCY_UNAVAILABLE: 'DependencyUnavailable',
} as const;
type SocleMetric = (typeof SocleMetric)[keyof typeof SocleMetric];

export { METRICS_NAMESPACE, SocleMetric };
