/**
 * The outbox wired into its events (SPEC §5b, issue 16), on DynamoDB Local through the real
 * handlers: each event queues exactly one message to the right person in its own transaction, none
 * when that transaction fails (a 409), none twice when a request is replayed; jury members'
 * invitations keep one calendar UID across a reschedule.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, messageIdOf, outboxKeys, platformScopeFor, tableName } from '@socle/data';
import type { OutboxMessage } from '@socle/data';
import { addDays } from '@socle/domain';
import { NotificationTemplate, renderMessage } from '@socle/domain/notifications';
import type { MessageContent } from '@socle/domain/notifications';
import ICAL from 'ical.js';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { dossierOpen } from '../support/samples.ts';
import { buildWorld, evaluate, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let jury: Jury;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
});
afterAll(() => api.stop());

type Stored = OutboxMessage & { content: MessageContent };

/** The messages in a candidate's partition, oldest first. */
const candidateMessages = async (candidateId: string): Promise<Stored[]> => {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :msg)',
      ExpressionAttributeValues: {
        ':pk': keys.candidatePartition(platformScopeFor(world.a.tenantId), candidateId).pk,
        ':msg': 'MSG#',
      },
      ConsistentRead: true,
    }),
  );
  return ((Items ?? []) as Stored[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

/** A jury member's message for an event, if queued. */
const memberMessage = async (eventKey: string): Promise<Stored | undefined> => {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: outboxKeys.message(messageIdOf(eventKey)),
      ConsistentRead: true,
    }),
  );
  return Item as Stored | undefined;
};

/** The VEVENT of a message's rendered invitation, parsed by ical.js. */
const invitationOf = (message: Stored) => {
  const email = renderMessage(message.content, message.recipient, {
    siteUrl: 'http://127.0.0.1:5173',
    juryOrganizer: { name: 'Secrétariat des jurys', email: 'jurys@socle.localhost' },
    now: new Date(),
  });
  const [attachment] = email.attachments;
  const vevent = new ICAL.Component(ICAL.parse(attachment?.content ?? '')).getFirstSubcomponent('vevent');
  return {
    uid: vevent?.getFirstPropertyValue('uid'),
    sequence: vevent?.getFirstPropertyValue('sequence'),
    method: attachment?.contentType.match(/method=(\w+)/)?.[1],
  };
};

const openDossier = async (idempotencyKey = `open-${ulid()}`) =>
  api.call('POST', '/dossiers', {
    token: world.a.tokens.advisor,
    body: dossierOpen(world.a.organismId),
    headers: { 'Idempotency-Key': idempotencyKey },
  });

describe('Dossier opened', () => {
  it('queues one DOSSIER_OPENED email to the candidate with the consent text version, none on a replay', async () => {
    // Act
    const key = `open-${ulid()}`;
    const first = await openDossier(key);
    const replay = await openDossier(key);

    // Assess
    expect([first.status, replay.status, replay.body.dossier.id]).toEqual([201, 201, first.body.dossier.id]);
    const messages = await candidateMessages(first.body.candidate.id);
    expect(messages.map((m) => [m.content.template, m.recipient.email, m.eventKey])).toEqual([
      [NotificationTemplate.DOSSIER_OPENED, 'lukasz@example.org', `dossier.opened:${first.body.dossier.id}`],
    ]);
    expect(messages[0]?.content).toMatchObject({
      consentTextVersion: first.body.dossier.consent.textVersion,
      organismName: expect.any(String),
    });
  });
});

describe('Evaluation submitted', () => {
  it('queues one RESTITUTION_AVAILABLE email, none when a second submission fails (409)', async () => {
    // Prepare
    const opened = expectStatus(await openDossier(), 201, 'open').dossier;

    // Act
    const { evaluation, dossier } = await evaluate(api, world.a.tokens.evaluator, opened.id, {
      notAcquired: ['1.1.1'],
    });
    const again = await api.call('POST', `/dossiers/${opened.id}/evaluations/${evaluation.id}/submit`, {
      token: world.a.tokens.evaluator,
      body: { version: evaluation.version - 1 },
    });

    // Assess
    expect(again.status).toBe(409);
    const messages = await candidateMessages(dossier.candidateId);
    expect(messages.map((m) => m.content.template)).toEqual([
      NotificationTemplate.DOSSIER_OPENED,
      NotificationTemplate.RESTITUTION_AVAILABLE,
    ]);
    expect(messages[1]).toMatchObject({
      eventKey: `evaluation.submitted:${evaluation.id}`,
      content: { evaluatedOn: dossier.lastEvaluatedOn },
    });
  });
});

describe('Jury date, decision and certificate', () => {
  it('tell the candidate once each: the date on the agenda, the decision, the certificate code', async () => {
    // Act
    const { dossier, code, sessionDate } = await certifyThroughJury(api, world.a, jury);

    // Assess
    const messages = await candidateMessages(dossier.candidateId);
    // The decision and the certificate share one transaction (one createdAt): compared by template.
    const byTemplate = (template: string) => messages.filter((m) => m.content.template === template);
    expect(messages.map((m) => m.content.template).sort()).toEqual(
      [
        NotificationTemplate.DOSSIER_OPENED,
        NotificationTemplate.RESTITUTION_AVAILABLE,
        NotificationTemplate.JURY_DATE,
        NotificationTemplate.DECISION,
        NotificationTemplate.CERTIFICATE_AVAILABLE,
      ].sort(),
    );
    expect(
      [
        NotificationTemplate.JURY_DATE,
        NotificationTemplate.DECISION,
        NotificationTemplate.CERTIFICATE_AVAILABLE,
      ]
        .flatMap(byTemplate)
        .map((m) => m.content),
    ).toEqual([
      expect.objectContaining({ region: '11', sessionDate }),
      expect.objectContaining({ region: '11', sessionDate, decision: 'certified' }),
      expect.objectContaining({ certificateCode: code, issuedOn: sessionDate }),
    ]);
    expect(byTemplate(NotificationTemplate.CERTIFICATE_AVAILABLE)[0]?.eventKey).toBe(
      `certificate.issued:${code}`,
    );
  });
});

describe('Jury sessions', () => {
  const planSession = (idempotencyKey: string, memberIds: string[]) =>
    api.call('POST', '/jury/sessions', {
      token: jury.secretary.token,
      body: { date: sessionDay('11', 10), startTime: '09:30', place: 'Paris', memberIds },
      headers: { 'Idempotency-Key': idempotencyKey },
    });

  it('convene each member once, with an invitation whose UID stays across a reschedule', async () => {
    // Prepare
    const key = `session-${ulid()}`;
    const members = [jury.employer.userId, jury.employee.userId];

    // Act
    const session = expectStatus(await planSession(key, members), 201, 'plan');
    const replay = await planSession(key, members);
    const convocations = await Promise.all(
      [...members, jury.bystander.userId].map((id) => memberMessage(`jury.convocation:${session.id}:${id}`)),
    );
    const stale = await api.call('PATCH', `/jury/sessions/${session.id}`, {
      token: jury.secretary.token,
      body: { version: session.version + 5, startTime: '14:00' },
    });
    const afterStale = await memberMessage(
      `jury.rescheduled:${session.id}:${jury.employer.userId}:${session.version + 1}`,
    );
    const moved = expectStatus(
      await api.call('PATCH', `/jury/sessions/${session.id}`, {
        token: jury.secretary.token,
        body: {
          version: session.version,
          date: addDays(session.date, 1),
          memberIds: [jury.employer.userId, jury.bystander.userId],
        },
      }),
      200,
      'reschedule',
    );

    // Assess
    expect(replay.body.id).toBe(session.id);
    expect(convocations.map((m) => m?.recipient.kind ?? null)).toEqual(['jury_member', 'jury_member', null]);
    expect(convocations.map((m) => m?.content.template ?? null)).toEqual([
      NotificationTemplate.JURY_CONVOCATION,
      NotificationTemplate.JURY_CONVOCATION,
      null,
    ]);
    expect(stale.status).toBe(409);
    const [kept, added, removed] = await Promise.all([
      memberMessage(`jury.rescheduled:${session.id}:${jury.employer.userId}:${moved.version}`),
      memberMessage(`jury.convocation:${session.id}:${jury.bystander.userId}:${moved.version}`),
      memberMessage(`jury.cancelled:${session.id}:${jury.employee.userId}:${moved.version}`),
    ]);
    expect([kept, added, removed].map((m) => m?.content.template)).toEqual([
      NotificationTemplate.JURY_RESCHEDULED,
      NotificationTemplate.JURY_CONVOCATION,
      NotificationTemplate.JURY_CANCELLED,
    ]);
    expect(kept?.content).toMatchObject({ previous: { date: session.date, startTime: '09:30' } });
    const before = invitationOf(convocations[0] as Stored);
    expect([before, invitationOf(kept as Stored), invitationOf(removed as Stored)]).toEqual([
      { uid: `jury-session-${session.id}@socle`, sequence: 0, method: 'REQUEST' },
      { uid: before.uid, sequence: 1, method: 'REQUEST' },
      { uid: before.uid, sequence: 1, method: 'CANCEL' },
    ]);
    // The refused (409) reschedule queued nothing.
    expect(afterStale).toBeUndefined();
  });

  it('tell every member of a cancelled session, once', async () => {
    // Prepare
    const session = expectStatus(
      await planSession(`session-${ulid()}`, [jury.employer.userId, jury.employee.userId]),
      201,
      'plan',
    );

    // Act
    const cancel = () =>
      api.call('POST', `/jury/sessions/${session.id}/cancel`, {
        token: jury.secretary.token,
        body: { version: session.version, reason: 'Salle indisponible' },
      });
    const cancelled = expectStatus(await cancel(), 200, 'cancel');
    const again = await cancel();

    // Assess
    expect(again.status).toBe(200);
    const messages = await Promise.all(
      [jury.employer.userId, jury.employee.userId].map((id) =>
        memberMessage(`jury.cancelled:${session.id}:${id}:${cancelled.version}`),
      ),
    );
    expect(messages.map((m) => m && invitationOf(m).method)).toEqual(['CANCEL', 'CANCEL']);
  });
});

describe('Erasure', () => {
  it("deletes the candidate's messages with the candidate", async () => {
    // Prepare: a withdrawn dossier past its retention (backdated 4 years), its opening email queued.
    const { dossier, candidate } = expectStatus(await openDossier(), 201, 'open');
    expectStatus(
      await api.call('POST', `/dossiers/${dossier.id}/withdraw`, {
        token: world.a.tokens.advisor,
        body: { version: dossier.version, reason: 'Raisons de santé' },
      }),
      200,
      'withdraw',
    );
    const longAgo = new Date(Date.now() - (4 * 365 + 2) * 86_400_000).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.dossier(platformScopeFor(world.a.tenantId), dossier.id),
        UpdateExpression: 'SET statusChangedAt = :at, updatedAt = :at',
        ExpressionAttributeValues: { ':at': longAgo },
      }),
    );
    const before = await candidateMessages(candidate.id);

    // Act
    const erased = await api.call('POST', `/candidates/${candidate.id}/erasure`, {
      token: world.a.tokens.admin,
      body: { lastName: candidate.lastName },
    });

    // Assess
    expect([erased.status, before.length]).toEqual([200, 1]);
    expect(await candidateMessages(candidate.id)).toEqual([]);
  });
});
