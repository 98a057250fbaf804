/**
 * Scheduled (EventBridge, daily): persists `expired` on dossiers past their 5-year deadline, then
 * queues the deadline reminders (6 and 1 months before; SPEC §5b) in the outbox. Locally:
 * `npm run sweep`. Failures are retried by Lambda and then sent to the dead-letter queue; both steps
 * are safe to run again.
 */
import { sendDeadlineReminders, sweepExpiredDossiers } from '@socle/data';
import { todayIso } from '@socle/domain';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';

export const handler = withLambdaContextLogging(async () => {
  const today = todayIso();
  const expiry = await sweepExpiredDossiers({ today });
  const reminders = await sendDeadlineReminders({ today });
  logger.info('expiry sweep done', { ...expiry, reminders });
  return { ...expiry, reminders };
});
