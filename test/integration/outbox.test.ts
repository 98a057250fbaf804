/**
 * The outbox (SPEC §5b) on DynamoDB Local: a message exists if and only if its event does (same
 * transaction), the same event never queues twice, delivery sends each message once even when two
 * deliveries run at once or one crashed half-way, and an address that bounced or complained is never
 * sent to. The deadline reminders of the daily sweep are the event wired here.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SNSEvent } from 'aws-lambda';
import {
  candidateMessage,
  claimMessage,
  db,
  juryMemberMessage,
  keys,
  listCandidateMessageKeys,
  listLocalMail,
  openDossier,
  actingOn,
  platformScopeFor,
  sendDeadlineReminders,
  staffMessage,
  tableName,
  transact,
} from '@socle/data';
import type { GuardedItem, OutboxMessage } from '@socle/data';
import { VersionConflictError, addDays, addMonths, clockAt, todayIso } from '@socle/domain';
import type { DossierOpen, Principal } from '@socle/domain';
import { NotificationTemplate } from '@socle/domain/notifications';
import type { MessageContent } from '@socle/domain/notifications';
import { deliverPendingMessages } from '@socle/functions/notifications/delivery';
import type { EmailSender, OutgoingEmail } from '@socle/functions/notifications/emailSender';
import { localSender } from '@socle/functions/notifications/localSender';
import { recordSesEvent } from '@socle/functions/notifications/sesEvents';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { dossierOpen, unique } from '../support/samples.ts';
import { buildWorld, evaluate } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
});
afterAll(() => api.stop());

const today = todayIso();
const render = {
  siteUrl: 'http://127.0.0.1:5173',
  juryOrganizer: { name: 'Secrétariat des jurys', email: 'jurys@socle.localhost' },
};

/**
 * The messages stored in a candidate's partition (where erasure finds them), of one template when
 * given: opening the dossier and submitting its evaluation queue messages of their own.
 */
const messagesOf = async (tenantId: string, candidateId: string, template?: NotificationTemplate) => {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
      ExpressionAttributeValues: {
        ':pk': keys.candidatePartition(platformScopeFor(tenantId), candidateId).pk,
        ':msg': 'MSG#',
      },
      ConsistentRead: true,
    }),
  );
  const messages = (Items ?? []) as (OutboxMessage & { content: MessageContent; sk: string })[];
  return template ? messages.filter((m) => m.content.template === template) : messages;
};
const remindersOf = (tenantId: string, candidateId: string) =>
  messagesOf(tenantId, candidateId, NotificationTemplate.DEADLINE_APPROACHING);

/**
 * A dossier in training whose 5-year deadline is `deadline`: opened and evaluated (through the API)
 * five years before it, as the evaluation path tests do.
 */
const dossierWithDeadline = async (deadline: string, email = `${unique()}@exemple.fr`) => {
  const carriedOut = addMonths(deadline, -60);
  const advisor: Principal = {
    userId: world.a.userIds.advisor,
    tenantId: world.a.tenantId,
    roles: ['advisor'],
    organisms: [world.a.organismId],
  };
  const body = dossierOpen(world.a.organismId, { firstName: 'Maëlle', lastName: unique() });
  const { dossier } = await openDossier(
    actingOn(
      {
        principal: advisor,
        requestId: 'outbox-test',
        clock: clockAt(new Date(`${addDays(carriedOut, -10)}T08:00:00Z`)),
      },
      platformScopeFor(world.a.tenantId),
    ),
    { ...body, candidate: { ...body.candidate, email } } as DossierOpen,
  );
  const { dossier: evaluated } = await evaluate(api, world.a.tokens.evaluator, dossier.id, {
    notAcquired: ['1.1.1'],
    date: carriedOut,
  });
  expect(evaluated).toMatchObject({ status: 'in_training', deadline });
  return evaluated as { id: string; candidateId: string; version: number };
};

describe('Deadline reminders (daily sweep)', () => {
  it('queue exactly one message 6 months before the deadline, and never a second one', async () => {
    // Prepare
    const dossier = await dossierWithDeadline(addMonths(today, 6));

    // Act
    await sendDeadlineReminders({ today });
    const again = await sendDeadlineReminders({ today });

    // Assess
    const messages = await remindersOf(world.a.tenantId, dossier.candidateId);
    expect(
      messages.map((m) => [m.content.template, (m.content as { monthsLeft: number }).monthsLeft]),
    ).toEqual([[NotificationTemplate.DEADLINE_APPROACHING, 6]]);
    expect(again.reminded).toBe(0);
  });

  it('queue one message when two sweeps run at the same time', async () => {
    // Prepare
    const dossier = await dossierWithDeadline(addDays(addMonths(today, 6), -2));

    // Act
    await Promise.all([sendDeadlineReminders({ today }), sendDeadlineReminders({ today })]);

    // Assess
    expect(await remindersOf(world.a.tenantId, dossier.candidateId)).toHaveLength(1);
  });

  it('queue the 1-month reminder a month before, and not the 6-month one', async () => {
    // Prepare
    const dossier = await dossierWithDeadline(addMonths(today, 1));

    // Act
    await sendDeadlineReminders({ today });

    // Assess
    const messages = await remindersOf(world.a.tenantId, dossier.candidateId);
    expect(messages.map((m) => (m.content as { monthsLeft: number }).monthsLeft)).toEqual([1]);
  });

  it('hold only what the email prints: the address and first name, no birth date nor last name', async () => {
    // Prepare
    const dossier = await dossierWithDeadline(addMonths(today, 6), 'Maelle.Test@Exemple.FR');
    await sendDeadlineReminders({ today });

    // Act
    const [message] = await remindersOf(world.a.tenantId, dossier.candidateId);

    // Assess
    expect({ recipient: message?.recipient, stored: JSON.stringify(message).includes('1988-04-12') }).toEqual(
      {
        recipient: { kind: 'candidate', email: 'maelle.test@exemple.fr', firstName: 'Maëlle' },
        stored: false,
      },
    );
  });

  it('are found by erasure in the candidate partition', async () => {
    // Prepare
    const dossier = await dossierWithDeadline(addMonths(today, 1));
    await sendDeadlineReminders({ today });

    // Act
    const found = await listCandidateMessageKeys(platformScopeFor(world.a.tenantId), dossier.candidateId);

    // Assess: every message of the candidate, the reminder among them
    const stored = await messagesOf(world.a.tenantId, dossier.candidateId);
    const reminders = await remindersOf(world.a.tenantId, dossier.candidateId);
    expect(reminders).toHaveLength(1);
    expect(found.map((k) => k.sk).sort()).toEqual(stored.map((m) => m.sk).sort());
    expect(found.map((k) => k.sk)).toContain(reminders[0]?.sk);
  });
});

const candidateOf = (candidateId: string, email: string) => ({ id: candidateId, firstName: 'Inès', email });
const restitution = (): MessageContent => ({
  template: NotificationTemplate.RESTITUTION_AVAILABLE,
  certification: 'clea',
  organismName: 'Formation Avenir',
  evaluatedOn: today,
});

describe('Queuing in the event transaction', () => {
  it('writes no message when the event transaction is cancelled by a failing condition', async () => {
    // Prepare
    const scope = platformScopeFor(world.a.tenantId);
    const failing: GuardedItem = {
      item: {
        ConditionCheck: {
          TableName: tableName(),
          Key: keys.dossier(scope, world.a.dossierId),
          ConditionExpression: '#version = :stale',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':stale': 999_999 },
        },
      },
      onConditionFailed: () => new VersionConflictError('dossier', 999_999),
    };

    const before = await messagesOf(world.a.tenantId, world.a.candidateId);

    // Act
    const attempt = transact([
      failing,
      ...candidateMessage({
        scope,
        candidate: candidateOf(world.a.candidateId, 'ines@exemple.fr'),
        dossierId: world.a.dossierId,
        eventKey: `test.cancelled:${ulid()}`,
        content: restitution(),
        now: new Date(),
      }),
    ]);

    // Assess
    await expect(attempt).rejects.toThrow(VersionConflictError);
    expect(await messagesOf(world.a.tenantId, world.a.candidateId)).toEqual(before);
  });

  it('refuses a second message for the same event (message_already_queued), one stays', async () => {
    // Prepare
    const candidateId = ulid();
    const queue = () =>
      transact(
        candidateMessage({
          scope: platformScopeFor(world.a.tenantId),
          candidate: candidateOf(candidateId, 'ines@exemple.fr'),
          dossierId: world.a.dossierId,
          eventKey: `evaluation.submitted:${candidateId}`,
          content: restitution(),
          now: new Date(),
        }),
      );
    await queue();

    // Act
    const second = queue();

    // Assess
    await expect(second).rejects.toMatchObject({ code: 'message_already_queued' });
    expect(await messagesOf(world.a.tenantId, candidateId)).toHaveLength(1);
  });

  it('queues nothing for a candidate without an email address', () => {
    expect(
      candidateMessage({
        scope: platformScopeFor(world.a.tenantId),
        candidate: { id: ulid(), firstName: 'Inès', email: null },
        dossierId: world.a.dossierId,
        eventKey: `evaluation.submitted:${ulid()}`,
        content: restitution(),
        now: new Date(),
      }),
    ).toEqual([]);
  });
});

/** A sender that counts what it sends, per message, then writes to the local mailbox. */
const countingSender = () => {
  const sent = new Map<string, number>();
  const inner = localSender();
  const sender: EmailSender = {
    async send(email: OutgoingEmail) {
      sent.set(email.messageId, (sent.get(email.messageId) ?? 0) + 1);
      // Slow enough for two deliveries to overlap on the same messages.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return inner.send(email);
    },
  };
  return { sender, sent };
};

const sessionId = ulid();
/** Queues a convocation for a new jury member; returns its message id. */
const queueConvocation = async (email = `${unique()}@exemple.fr`, now = new Date()) => {
  const userId = ulid();
  const puts = juryMemberMessage({
    person: { userId, firstName: 'Paul', email },
    eventKey: `jury.convocation:${sessionId}:${userId}:0`,
    content: {
      template: NotificationTemplate.JURY_CONVOCATION,
      session: {
        sessionId,
        region: '02',
        date: addDays(today, 30),
        startTime: '09:00',
        durationMinutes: 180,
        place: 'Fort-de-France',
        sequence: 0,
      },
    },
    now,
  });
  await transact(puts);
  const item = puts[0]?.item.Put?.Item as { messageId: string; pk: string; sk: string };
  return { messageId: item.messageId, email, key: { pk: item.pk, sk: item.sk } };
};

const messageAt = async (key: { pk: string; sk: string }) => {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': key.pk, ':sk': key.sk },
      ConsistentRead: true,
    }),
  );
  return Items?.[0] as Record<string, unknown>;
};

describe('Delivery', () => {
  it('sends each message once when two deliveries run at the same time', async () => {
    // Prepare
    const queued = await Promise.all(Array.from({ length: 12 }, () => queueConvocation()));
    const { sender, sent } = countingSender();

    // Act
    const reports = await Promise.all([
      deliverPendingMessages({ sender, render, concurrency: 3 }),
      deliverPendingMessages({ sender, render, concurrency: 3 }),
    ]);

    // Assess
    expect(queued.map((q) => sent.get(q.messageId))).toEqual(queued.map(() => 1));
    expect(reports.reduce((n, r) => n + r.delivered, 0)).toBeGreaterThanOrEqual(12);
    const stored = await Promise.all(queued.map((q) => messageAt(q.key)));
    expect(stored.map((m) => [m.status, m.gsi1pk, typeof m.providerMessageId])).toEqual(
      queued.map(() => ['delivered', undefined, 'string']),
    );
  });

  it('writes the rendered email, invitation attached, to the local mailbox', async () => {
    // Prepare
    const { messageId, email } = await queueConvocation();

    // Act
    await deliverPendingMessages({ sender: localSender(), render });

    // Assess
    const mail = (await listLocalMail({ limit: 100 })).find((m) => m.messageId === messageId);
    expect({
      to: mail?.to,
      subject: mail?.email.subject.startsWith('Convocation'),
      ics: mail?.email.attachments[0]?.content.includes('DTSTART;TZID=America/Martinique:'),
    }).toEqual({ to: email, subject: true, ics: true });
  });

  it('sends nothing on a second run', async () => {
    // Prepare
    const { messageId } = await queueConvocation();
    await deliverPendingMessages({ sender: localSender(), render });
    const { sender, sent } = countingSender();

    // Act
    await deliverPendingMessages({ sender, render });

    // Assess
    expect(sent.get(messageId)).toBeUndefined();
  });

  it('leaves a message claimed a moment ago by another delivery, and retries one whose claim is stale', async () => {
    // Prepare
    const fresh = await queueConvocation();
    const crashed = await queueConvocation();
    await claimMessage(fresh.key, new Date());
    await claimMessage(crashed.key, new Date(Date.now() - 30 * 60_000));
    const { sender, sent } = countingSender();

    // Act
    await deliverPendingMessages({ sender, render });

    // Assess
    expect([sent.get(fresh.messageId), sent.get(crashed.messageId)]).toEqual([undefined, 1]);
  });

  it('keeps a message the provider refused pending, and sends it once the claim is stale', async () => {
    // Prepare
    const { messageId, key } = await queueConvocation();
    const refusing: EmailSender = {
      async send() {
        throw Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' });
      },
    };
    const first = await deliverPendingMessages({ sender: refusing, render });
    const { sender, sent } = countingSender();

    // Act
    await deliverPendingMessages({ sender, render, now: () => new Date(Date.now() + 11 * 60_000) });

    // Assess
    expect(first.retried).toBeGreaterThanOrEqual(1);
    expect([sent.get(messageId), (await messageAt(key)).status]).toEqual([1, 'delivered']);
  });
});

/** An SES event as the configuration set publishes it to SNS (abridged to the fields SES sends). */
const snsEvent = (message: Record<string, unknown>): SNSEvent =>
  ({
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-3:123456789012:socle-ses-events:0b6941c4',
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: 'arn:aws:sns:eu-west-3:123456789012:socle-ses-events',
          Subject: null,
          Message: JSON.stringify(message),
          Timestamp: '2027-01-10T08:00:00.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-west-3.amazonaws.com/SimpleNotificationService.pem',
          UnsubscribeUrl: 'https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  }) as unknown as SNSEvent;

const bounce = (email: string, bounceType: 'Permanent' | 'Transient') =>
  snsEvent({
    eventType: 'Bounce',
    bounce: {
      feedbackId: '0102017a-example',
      bounceType,
      bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
      bouncedRecipients: [
        {
          emailAddress: email,
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
      timestamp: '2027-01-10T08:00:00.000Z',
      reportingMTA: 'dsn; a8-70.smtp-out.amazonses.com',
    },
    mail: {
      timestamp: '2027-01-10T07:59:58.000Z',
      source: 'Socle <notifications@socle.example.fr>',
      messageId: '0102017a-mail-id',
      destination: [email],
      tags: { outboxMessageId: ['abc'] },
    },
  });

describe('Suppression (SES bounces and complaints)', () => {
  it('never sends to an address that bounced permanently, whatever its case', async () => {
    // Prepare
    const address = `${unique()}@exemple.fr`;
    const report = await recordSesEvent(bounce(address.toUpperCase(), 'Permanent'));
    const { messageId, key } = await queueConvocation(address);
    const { sender, sent } = countingSender();

    // Act
    await deliverPendingMessages({ sender, render });

    // Assess
    expect(report.suppressed).toBe(1);
    expect([sent.get(messageId), (await messageAt(key)).status]).toEqual([undefined, 'suppressed']);
  });

  it('never sends to an address that complained', async () => {
    // Prepare
    const address = `${unique()}@exemple.fr`;
    await recordSesEvent(
      snsEvent({
        notificationType: 'Complaint',
        complaint: {
          complainedRecipients: [{ emailAddress: address }],
          complaintFeedbackType: 'abuse',
          timestamp: '2027-01-10T08:00:00.000Z',
          feedbackId: '0102017a-complaint',
        },
        mail: { messageId: '0102017a-mail-id', destination: [address] },
      }),
    );
    const { messageId } = await queueConvocation(address);
    const { sender, sent } = countingSender();

    // Act
    await deliverPendingMessages({ sender, render });

    // Assess
    expect(sent.get(messageId)).toBeUndefined();
  });

  it('still sends after a transient bounce (a full mailbox), and counts a malformed event', async () => {
    // Prepare
    const address = `${unique()}@exemple.fr`;
    const transient = await recordSesEvent(bounce(address, 'Transient'));
    const malformed = await recordSesEvent(snsEvent({}) as SNSEvent);
    const broken = await recordSesEvent({
      Records: [{ Sns: { Message: 'not json' } }],
    } as unknown as SNSEvent);
    const { messageId } = await queueConvocation(address);
    const { sender, sent } = countingSender();

    // Act
    await deliverPendingMessages({ sender, render });

    // Assess
    expect([transient.ignored, malformed.malformed + broken.malformed, sent.get(messageId)]).toEqual([
      1, 2, 1,
    ]);
  });
});

describe('Staff and recipient kinds', () => {
  it('delivers the opt-in work queue summary to a staff member', async () => {
    // Prepare
    const userId = ulid();
    const email = `${unique()}@exemple.fr`;
    await transact(
      staffMessage({
        person: { userId, firstName: 'Alice', email },
        eventKey: `staff.work_queue:${userId}:${today}`,
        content: {
          template: NotificationTemplate.STAFF_WORK_QUEUE,
          items: [{ label: 'évaluations en cours', count: 2 }],
        },
        now: new Date(),
      }),
    );

    // Act
    await deliverPendingMessages({ sender: localSender(), render });

    // Assess
    const mail = (await listLocalMail({ limit: 100 })).find((m) => m.to === email);
    expect(mail?.email.text).toContain('2 évaluations en cours');
  });

  it('refuses to queue a candidate template for a jury member', () => {
    expect(() =>
      juryMemberMessage({
        person: { userId: ulid(), firstName: 'Paul', email: 'paul@exemple.fr' },
        eventKey: `wrong:${ulid()}`,
        content: restitution(),
        now: new Date(),
      }),
    ).toThrow(/not for a jury_member/);
  });
});

describe('The dev outbox page', () => {
  it('delivers what is pending through the local mailbox and lists it, in French HTML and in JSON', async () => {
    // Prepare
    const { messageId, email } = await queueConvocation();

    // Act
    const json = await api.call('GET', '/dev/outbox.json');
    const html = await api.call('GET', '/dev/outbox');

    // Assess
    expect(json.body.messages.find((m: { messageId: string }) => m.messageId === messageId)?.to).toBe(email);
    expect([
      html.status,
      String(html.body).includes('<html lang="fr">'),
      String(html.body).includes(email),
    ]).toEqual([200, true, true]);
  });
});
