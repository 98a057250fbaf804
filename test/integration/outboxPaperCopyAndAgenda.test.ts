/**
 * The last two messages of issue 16, on DynamoDB Local through the real handlers: a paper copy sent
 * tells its holder once (nothing on printing, nothing on an undone print, nothing from a racing
 * second "sent" whose transaction fails); an agenda sent to the members tells each one once per
 * agenda, again only once the agenda changed.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, platformScopeFor, tableName } from '@socle/data';
import type { OutboxMessage } from '@socle/data';
import { NotificationTemplate } from '@socle/domain/notifications';
import type { MessageContent } from '@socle/domain/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { buildJury } from '../support/jury.ts';
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
