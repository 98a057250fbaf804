/**
 * Log lines carry the Lambda context (function, request id, cold start), for the API's routes and
 * for the functions outside the route table (schedules, the Cognito trigger) alike, and keys appended
 * by one invocation do not leak into the next.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';

/**
 * The logger's Lambda context for one invocation, keys reset after it. Never the event, whatever
 * POWERTOOLS_LOGGER_LOG_EVENT says: an API event carries tokens and personal data, a trigger's the
 * user's attributes.
 */
const lambdaContextLogging = () => injectLambdaContext(logger, { resetKeys: true, logEvent: false });

const withLambdaContextLogging = <TEvent, TResult>(handler: (event: TEvent) => Promise<TResult>) =>
  middy<TEvent, TResult, Error, Context>()
    .use(lambdaContextLogging())
    .handler((event) => handler(event));

export { lambdaContextLogging, withLambdaContextLogging };
