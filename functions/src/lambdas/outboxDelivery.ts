/**
 * The outbox's two functions outside the route table:
 * - `handler`: scheduled (EventBridge, every minute), delivers pending messages through Amazon SES
 *   (`NOTIFICATIONS_FROM_ADDRESS`, `SES_CONFIGURATION_SET`, `PUBLIC_WEB_URL`); a run that fails is
 *   simply followed by the next one (claims time out, nothing is sent twice);
 * - `sesEventsHandler`: subscribed to the SNS topic of the configuration set's bounce and complaint
 *   events, keeps the suppression list.
 * Locally the dev page delivers through the local mailbox instead (functions/src/local/devOutbox.ts).
 */
import type { SNSEvent } from 'aws-lambda';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';
import { deliverPendingMessages } from '../notifications/delivery.ts';
import { fromAddressFromEnv, renderOptionsFromEnv } from '../notifications/config.ts';
import { recordSesEvent } from '../notifications/sesEvents.ts';
import { sesSender } from '../notifications/sesSender.ts';

export const handler = withLambdaContextLogging(async () => {
  const report = await deliverPendingMessages({
    sender: sesSender({
      from: fromAddressFromEnv(),
      configurationSetName: process.env.SES_CONFIGURATION_SET,
    }),
    render: renderOptionsFromEnv(),
  });
  logger.info('outbox delivery done', { ...report });
  return report;
});

export const sesEventsHandler = withLambdaContextLogging(async (event: SNSEvent) => {
  const report = await recordSesEvent(event);
  logger.info('SES events recorded', { ...report });
  return report;
});
