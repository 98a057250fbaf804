/**
 * A jury secretary sees their region's figures, never an organism's: neither grouped by organism
 * nor filtered on one organism under another grouping (over real HTTP and DynamoDB Local).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { buildJury } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';

let api: TestApi;
let world: World;
let jury: Jury;
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  api = await startTestApi();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
});
afterAll(() => api.stop());

const volumes = (token: string, query: string) =>
  api.call('GET', `/stats/volumes?from=${month}&to=${month}&${query}`, { token });

describe('Monitoring figures of a jury secretary', () => {
  it.each(['year', 'month', 'certification', 'region'])(
    "refuses one organism's figures grouped by %s, as grouping by organism is",
    async (groupBy) => {
      // Act
      const response = await volumes(
        jury.secretary.token,
        `groupBy=${groupBy}&organismId=${world.a.organismId}`,
      );
      // Assess
      expect(response.status).toBe(409);
      expect(response.body.error).toBe('organism_not_available');
    },
  );

  it('still answers the region figures, and a network still gets its organism', async () => {
    // Act
    const region = await volumes(jury.secretary.token, 'groupBy=year');
    const network = await volumes(world.a.tokens.admin, `groupBy=year&organismId=${world.a.organismId}`);
    // Assess
    expect(region.status).toBe(200);
    expect(network.status).toBe(200);
    expect(network.body.total.counts.opened).toBeGreaterThan(0);
  });
});
