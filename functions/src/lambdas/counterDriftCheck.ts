/**
 * Scheduled (EventBridge, weekly): recounts the monitoring counters from the dossiers' trails and
 * fails when any cell has drifted, so the failure lands in the dead-letter queue and its alarm
 * fires. It repairs nothing: the operator runs `npm run rebuild-counters -- --repair` (or the same
 * function with `{ "repair": true }`) after reading the report (docs/operations.md).
 */
import { rebuildCounters } from '@socle/data';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';

export const handler = withLambdaContextLogging(async (event: { repair?: boolean } | undefined) => {
  const repair = event?.repair === true;
  const report = await rebuildCounters({ repair });
  // Cells name months, regions, networks and organisms: no personal data.
  logger.info('counter drift check done', {
    dossiers: report.dossiers,
    countedEvents: report.countedEvents,
    orphanEvents: report.orphanEvents,
    cells: report.cells,
    driftingFields: report.drift.length,
    repairedCells: report.repairedCells,
    drift: report.drift.slice(0, 50),
  });
  if (report.drift.length > 0 && !repair) {
    throw new Error(`counter drift: ${report.drift.length} field(s) differ from the dossiers' history`);
  }
  return { ...report, drift: report.drift.length };
});
