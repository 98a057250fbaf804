/** One Powertools logger per process. No personal data is ever logged: ids, codes and statuses only. */
import { Logger } from '@aws-lambda-powertools/logger';

const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'socle',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});

export { logger };
