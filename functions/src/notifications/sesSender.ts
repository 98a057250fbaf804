/**
 * Amazon SES (API v2) behind the sender port. The configuration set (from the environment) routes
 * bounces and complaints to the SNS topic whose subscriber is `recordSesEvent`; a message tag
 * carries the outbox message id into those events.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { awsClientConfig } from '@socle/data';
import type { EmailSender, OutgoingEmail } from './emailSender.ts';

interface SesSenderOptions {
  /** `Socle <notifications@…>`: a verified identity. */
  from: string;
  configurationSetName?: string;
  client?: SESv2Client;
}

const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });

/** Pure: the SendEmail input of one email (tested without a network). */
const sendEmailInput = (
  email: OutgoingEmail,
  options: Omit<SesSenderOptions, 'client'>,
): SendEmailCommandInput => ({
  FromEmailAddress: options.from,
  Destination: { ToAddresses: [email.to] },
  ConfigurationSetName: options.configurationSetName,
  EmailTags: [{ Name: 'outboxMessageId', Value: email.messageId }],
  Content: {
    Simple: {
      Subject: utf8(email.subject),
      Body: { Text: utf8(email.text), Html: utf8(email.html) },
      ...(email.attachments.length
        ? {
            Attachments: email.attachments.map((a) => ({
              FileName: a.filename,
              ContentType: a.contentType,
              ContentDisposition: 'ATTACHMENT' as const,
              RawContent: new TextEncoder().encode(a.content),
            })),
          }
        : {}),
    },
  },
});

const sesSender = ({
  client = new SESv2Client(awsClientConfig()),
  ...options
}: SesSenderOptions): EmailSender => ({
  async send(email) {
    const result = await client.send(new SendEmailCommand(sendEmailInput(email, options)));
    return { providerMessageId: result.MessageId ?? 'unknown' };
  },
});

export type { SesSenderOptions };
export { sendEmailInput, sesSender };
