/**
 * Cognito custom message trigger: the French invitation, password reset and code emails
 * (customMessageTemplates.ts), showing the email people sign in with, never the opaque user name.
 * Reads nothing and writes nothing: no table, no AWS call.
 */
import { customMessageOf } from '../customMessageTemplates.ts';
import { withLambdaContextLogging } from '../lambdaContextLogging.ts';
import { logger } from '../logger.ts';

interface CustomMessageEvent {
  triggerSource: string;
  userName?: string;
  request: {
    codeParameter: string;
    usernameParameter?: string | null;
    userAttributes: Record<string, string>;
  };
  response: { emailSubject?: string | null; emailMessage?: string | null; smsMessage?: string | null };
  [key: string]: unknown;
}

export const handler = withLambdaContextLogging(async (event: CustomMessageEvent) => {
  const message = customMessageOf({
    triggerSource: event.triggerSource,
    codeParameter: event.request.codeParameter,
    usernameParameter: event.request.usernameParameter,
    userAttributes: event.request.userAttributes ?? {},
    siteUrl: process.env.SITE_URL || undefined,
  });
  if (message) {
    event.response.emailSubject = message.emailSubject;
    event.response.emailMessage = message.emailMessage;
  } else {
    logger.warn('no French message for this event: Cognito sends its own', {
      triggerSource: event.triggerSource,
    });
  }
  return event;
});
