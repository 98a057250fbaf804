/**
 * Scheduled (EventBridge, daily): persists `expired` on dossiers past their 5-year deadline. Locally:
 * `npm run sweep`. Failures are retried by Lambda and then sent to the dead-letter queue.
 */
import { sweepExpiredDossiers } from '@socle/data';
import { todayIso } from '@socle/domain';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';

export const handler = withLambdaContextLogging(async () => {
  const result = await sweepExpiredDossiers({ today: todayIso() });
  logger.info('expiry sweep done', { ...result });
  return result;
});
