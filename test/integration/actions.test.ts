/**
 * Issue 17, "Actions", through the real handlers on DynamoDB Local: the tariff editor's closed
 * months, paper copies and the other batch actions.
 */
import { counterMonthOf } from '@socle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildWorld, expectStatus } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
}, 120_000);

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
