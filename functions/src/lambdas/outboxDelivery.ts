/**
 * Scheduled (EventBridge, every minute): delivers the outbox's pending messages through Amazon SES
 * (`NOTIFICATIONS_FROM_ADDRESS`, `SES_CONFIGURATION_SET`, `PUBLIC_WEB_URL`). A run that fails is
 * simply followed by the next one: claims time out, nothing is sent twice. Bounces and complaints
 * come back through `sesEvents.ts`. Locally the dev page delivers through the local mailbox instead
 * (packages/tooling/src/local/devOutbox.ts).
 */
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';
import { deliverPendingMessages } from '../notifications/delivery.ts';
import { fromAddressFromEnv, renderOptionsFromEnv } from '../notifications/config.ts';
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
