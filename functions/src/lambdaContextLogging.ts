/**
 * For the functions outside the route table (schedules, the Cognito trigger): their log lines carry
 * the Lambda context (function, request id, cold start) like the API's, and keys appended by one
 * invocation do not leak into the next.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';

const withLambdaContextLogging = <TEvent, TResult>(handler: (event: TEvent) => Promise<TResult>) =>
  middy<TEvent, TResult, Error, Context>()
    // Never the event: a trigger's event carries the user's attributes.
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .handler((event) => handler(event));

export { withLambdaContextLogging };
