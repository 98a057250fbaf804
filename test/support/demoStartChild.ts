/**
 * A first start in a process of its own, for the test that kills it half way through the seed
 * (test/integration/demoFirstStart.test.ts): the table comes from DYNAMODB_ENDPOINT and TABLE_NAME,
 * the demo's size from DEMO_DOSSIERS_PER_NETWORK.
 */
import { ensureDemoSeeded } from '@socle/tooling/local/demoStart';
import { seedDemo } from '@socle/tooling/local/seed';

await ensureDemoSeeded({
  seed: () => seedDemo({ dossiersPerNetwork: Number(process.env.DEMO_DOSSIERS_PER_NETWORK ?? 6) }),
});
console.log('seeded');
