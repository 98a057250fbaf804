/**
 * The last two messages of issue 16, on DynamoDB Local through the real handlers: a paper copy sent
 * tells its holder once (nothing on printing, nothing on an undone print, nothing from a racing
 * second "sent" whose transaction fails); an agenda sent to the members tells each one once per
 * agenda, again only once the agenda changed.
 */
import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, messageIdOf, outboxKeys, platformScopeFor, tableName } from '@socle/data';
import { agendaRevisionOf } from '@socle/domain';
import type { OutboxMessage } from '@socle/data';
import { NotificationTemplate } from '@socle/domain/notifications';
import type { MessageContent } from '@socle/domain/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury, sessionDay, submittedDossier } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
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

/** The messages in a candidate's partition of network A. */
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
  return (Items ?? []) as Stored[];
};

const paperCopiesSent = async (candidateId: string) =>
  (await candidateMessages(candidateId)).filter(
    (m) => m.content.template === NotificationTemplate.PAPER_COPY_SENT,
  );

describe('Paper copy sent', () => {
  it('tells the holder once, with the town only; nothing on printing, on an undone print or on a racing second send', async () => {
    // Prepare
    const { dossier, code } = await certifyThroughJury(api, world.a, jury);
    const recipient = {
      name: 'Łukasz Nowak',
      addressLine: '3 rue des Lilas',
      postalCode: '69100',
      city: 'Villeurbanne',
    };
    expectStatus(
      await api.call('POST', `/certificates/${code}/paper-copy`, {
        token: world.a.tokens.advisor,
        body: { recipient },
      }),
      200,
      'request',
    );
    const move = (status: string) =>
      api.call('PATCH', `/certificates/${code}/paper-copy`, { token: world.nationalToken, body: { status } });

    // Act
    expectStatus(await move('printed'), 200, 'print');
    expectStatus(await move('requested'), 200, 'undo the print');
    const afterUndo = await paperCopiesSent(dossier.candidateId);
    expectStatus(await move('printed'), 200, 'print again');
    const racing = await Promise.all([move('sent'), move('sent')]);
    const again = await move('sent');

    // Assess
    expect([afterUndo.length, racing.map((r) => r.status).sort(), again.status]).toEqual([
      0,
      [200, 409],
      409,
    ]);
    const messages = await paperCopiesSent(dossier.candidateId);
    expect(messages.map((m) => [m.recipient.email, m.content])).toEqual([
      [
        'lukasz@example.org',
        {
          template: NotificationTemplate.PAPER_COPY_SENT,
          certification: dossier.certification,
          sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          town: 'Villeurbanne',
        },
      ],
    ]);
    expect(JSON.stringify(messages[0])).not.toMatch(/Lilas|69100/);
  });
});

/** The agenda message a member got for a revision of a session's agenda, if queued. */
const agendaMessage = async (sessionId: string, userId: string, dossierIds: string[]) => {
  const hash = createHash('sha256').update(agendaRevisionOf(dossierIds)).digest('hex').slice(0, 32);
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: outboxKeys.message(messageIdOf(`jury.agenda_published:${sessionId}:${userId}:${hash}`)),
      ConsistentRead: true,
    }),
  );
  return Item as Stored | undefined;
};

/** A session's publications (one per agenda revision sent). */
const publications = async (sessionId: string) => {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :published)',
      ExpressionAttributeValues: { ':pk': keys.agendaPrefix(sessionId).pk, ':published': 'PUBLISHED#' },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
};

describe('Agenda published', () => {
  it('tells each convened member once per agenda: the count, the session, no candidate; again only once it changed', async () => {
    // Prepare
    const members = [jury.employer.userId, jury.employee.userId];
    const session = expectStatus(
      await api.call('POST', '/jury/sessions', {
        token: jury.secretary.token,
        body: {
          date: sessionDay('11', 12),
          startTime: '14:00',
          place: 'Salle du conseil, Paris',
          memberIds: members,
        },
      }),
      201,
      'plan',
    );
    const path = `/jury/sessions/${session.id}`;
    const publish = (token = jury.secretary.token) =>
      api.call('POST', `${path}/agenda/publication`, { token });
    const first = (await submittedDossier(api, world)).id as string;
    const second = (await submittedDossier(api, world)).id as string;
    const add = async (id: string) =>
      expectStatus(
        await api.call('POST', `${path}/agenda`, { token: jury.secretary.token, body: { dossierIds: [id] } }),
        200,
        'add',
      );

    // Act
    const empty = await publish();
    await add(first);
    const byMember = await publish(jury.employer.token);
    const published = await publish();
    const again = await publish();
    await add(second);
    const racing = await Promise.all([publish(), publish()]);
    expectStatus(
      await api.call('DELETE', `${path}/agenda/${second}`, { token: jury.secretary.token }),
      200,
      'remove',
    );
    const backToFirst = await publish();

    // Assess
    expect([
      empty.status,
      empty.body.error,
      byMember.status,
      published.status,
      published.body,
      again.status,
      again.body.error,
      racing.map((r) => r.status).sort(),
      backToFirst.body.error,
    ]).toEqual([
      409,
      'empty_agenda',
      404,
      200,
      { dossierCount: 1, memberCount: 2, publishedAt: expect.any(String) },
      409,
      'agenda_already_published',
      [200, 409],
      'agenda_already_published',
    ]);
    expect((await publications(session.id)).map((p) => p.dossierCount).sort()).toEqual([1, 2]);
    const told = await Promise.all(
      [...members, jury.bystander.userId].map((id) => agendaMessage(session.id, id, [first])),
    );
    expect(told.map((m) => m?.content)).toEqual([
      expect.objectContaining({ template: NotificationTemplate.JURY_AGENDA_PUBLISHED, dossierCount: 1 }),
      expect.objectContaining({ template: NotificationTemplate.JURY_AGENDA_PUBLISHED, dossierCount: 1 }),
      undefined,
    ]);
    const changed = await agendaMessage(session.id, jury.employer.userId, [first, second]);
    expect(changed?.content).toMatchObject({
      dossierCount: 2,
      session: { place: 'Salle du conseil, Paris' },
    });
    expect(JSON.stringify(told[0])).not.toContain(first);
  });
});
