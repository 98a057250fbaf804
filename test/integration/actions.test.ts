/**
 * Issue 17, "Actions", through the real handlers on DynamoDB Local: the tariff editor's closed
 * months, paper copies and the other batch actions.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, tableName } from '@socle/data';
import { counterMonthOf } from '@socle/domain';
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
}, 180_000);

afterAll(async () => {
  await api.stop();
});

const fees = {
  clea: { preliminaryEvaluation: 2100, certificate: 510 },
  'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
};

/** The month `offset` months from the current one (counters' clock). */
const monthFromNow = (offset: number) => {
  const [year, month] = counterMonthOf(new Date().toISOString()).split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

describe('fee schedules and issued statements', () => {
  it('refuses a schedule starting in an ended month (400 naming the month), nothing written', async () => {
    const past = monthFromNow(-1);
    const refused = await api.call('PUT', `/fees/${past}`, { token: world.nationalToken, body: { fees } });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      expect.objectContaining({ path: 'month', message: expect.stringMatching(/déjà émis/) }),
    ]);
    const schedules = expectStatus(
      await api.call('GET', '/fees', { token: world.nationalToken }),
      200,
      'fees',
    );
    expect(schedules.items.map((s: { effectiveFrom: string }) => s.effectiveFrom)).not.toContain(past);
  });

  it('accepts the current month and a month to come', async () => {
    for (const month of [monthFromNow(0), monthFromNow(2)]) {
      const created = expectStatus(
        await api.call('PUT', `/fees/${month}`, { token: world.nationalToken, body: { fees } }),
        200,
        `fees ${month}`,
      );
      expect(created).toMatchObject({ effectiveFrom: month, version: 1 });
    }
  });
});

describe('paper copy request prefilled with the candidate address', () => {
  it("answers the candidate's name, postal code and commune from the dossier, to the certificate's network only", async () => {
    const { code } = await certifyThroughJury(api, world.a, jury, {
      firstName: 'Nadia',
      lastName: 'Bensaïd',
    });
    const recipient = expectStatus(
      await api.call('GET', `/certificates/${code}/paper-copy/recipient`, { token: world.a.tokens.advisor }),
      200,
      'recipient',
    );
    expect(recipient).toEqual({ name: 'Nadia Bensaïd', addressLine: '', postalCode: '75011', city: 'Paris' });
    const otherNetwork = await api.call('GET', `/certificates/${code}/paper-copy/recipient`, {
      token: world.b.tokens.advisor,
    });
    expect(otherNetwork.status).toBe(404);
  });
});

describe('paper copy: "printed" undone until "sent"', () => {
  it('moves printed back to requested (queue and audit), then refuses once sent', async () => {
    const { code } = await certifyThroughJury(api, world.a, jury, { firstName: 'Hugo', lastName: 'Lambert' });
    const recipient = {
      name: 'Hugo Lambert',
      addressLine: '3 place du Marché',
      postalCode: '69001',
      city: 'Lyon',
    };
    expectStatus(
      await api.call('POST', `/certificates/${code}/paper-copy`, {
        token: world.a.tokens.advisor,
        body: { recipient },
      }),
      200,
      'request',
    );
    const patch = (status: string, token = world.nationalToken) =>
      api.call('PATCH', `/certificates/${code}/paper-copy`, { token, body: { status } });
    const queue = async (status: string) =>
      expectStatus(
        await api.call('GET', `/paper-copies?status=${status}`, { token: world.nationalToken }),
        200,
        'queue',
      ).items.map((c: { code: string }) => c.code);

    // Undoing a copy never printed is refused.
    const early = await patch('requested');
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('paper_copy_state');

    expectStatus(await patch('printed'), 200, 'print');
    expect(await queue('printed')).toContain(code);
    const undone = expectStatus(await patch('requested'), 200, 'unprint');
    expect(undone.paperCopy.status).toBe('requested');
    expect(undone.paperCopy.printedAt).toBeUndefined();
    expect(await queue('requested')).toContain(code);
    expect(await queue('printed')).not.toContain(code);
    // A network admin cannot move the national queue.
    expect((await patch('printed', world.a.tokens.admin)).status).toBe(403);

    expectStatus(await patch('printed'), 200, 'print again');
    expectStatus(await patch('sent'), 200, 'send');
    const late = await patch('requested');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      error: 'paper_copy_state',
      message: expect.stringContaining('déjà envoyé'),
    });

    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.platformAuditTrail().pk },
      }),
    );
    const actions = Items.filter((e) => e.entity?.id === code).map((e) => e.action);
    expect(actions).toEqual([
      'certificate.paper_copy_requested',
      'certificate.paper_copy_printed',
      'certificate.paper_copy_unprinted',
      'certificate.paper_copy_printed',
      'certificate.paper_copy_sent',
    ]);
  });
});
