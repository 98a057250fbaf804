/**
 * Subscribed to the SNS topic where the SES configuration set publishes bounces and complaints:
 * keeps the suppression list (`recordSesEvent`), which delivery reads before every send.
 */
import type { SNSEvent } from 'aws-lambda';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';
import { recordSesEvent } from '../notifications/sesEvents.ts';

export const handler = withLambdaContextLogging(async (event: SNSEvent) => {
  const report = await recordSesEvent(event);
  logger.info('SES events recorded', { ...report });
  return report;
});
