import { NotificationTemplate, renderMessage } from '@socle/domain/notifications';
import { describe, expect, it } from 'vitest';
import { sendEmailInput } from './sesSender.ts';

const email = {
  ...renderMessage(
    {
      template: NotificationTemplate.JURY_CANCELLED,
      session: {
        sessionId: '01JSESSION0000000000000000',
        region: '84',
        date: '2027-03-01',
        startTime: '14:00',
        durationMinutes: 120,
        place: 'Lyon',
        sequence: 1,
      },
    },
    { kind: 'jury_member', email: 'paul@example.fr', firstName: 'Paul' },
    {
      siteUrl: 'https://socle.example.fr',
      juryOrganizer: { name: 'Secrétariat', email: 'jurys@socle.example.fr' },
      now: new Date('2027-01-10T08:00:00Z'),
    },
  ),
  messageId: 'abc123',
  to: 'paul@example.fr',
};

describe('Function: sendEmailInput', () => {
  it('sends HTML and text in UTF-8 through the configuration set, tagged with the message id', () => {
    // Act
    const input = sendEmailInput(email, {
      from: 'Socle <n@socle.example.fr>',
      configurationSetName: 'socle-prod',
    });

    // Assess
    expect({
      to: input.Destination?.ToAddresses,
      set: input.ConfigurationSetName,
      tag: input.EmailTags,
      charsets: [
        input.Content?.Simple?.Subject?.Charset,
        input.Content?.Simple?.Body?.Text?.Charset,
        input.Content?.Simple?.Body?.Html?.Charset,
      ],
    }).toEqual({
      to: ['paul@example.fr'],
      set: 'socle-prod',
      tag: [{ Name: 'outboxMessageId', Value: 'abc123' }],
      charsets: ['UTF-8', 'UTF-8', 'UTF-8'],
    });
  });

  it('attaches the calendar cancellation as text/calendar with its method', () => {
    // Act
    const [attachment] =
      sendEmailInput(email, { from: 'Socle <n@socle.example.fr>' }).Content?.Simple?.Attachments ?? [];

    // Assess
    expect({
      name: attachment?.FileName,
      type: attachment?.ContentType,
      method: new TextDecoder().decode(attachment?.RawContent).includes('METHOD:CANCEL'),
    }).toEqual({ name: 'annulation.ics', type: 'text/calendar; charset=UTF-8; method=CANCEL', method: true });
  });
});
