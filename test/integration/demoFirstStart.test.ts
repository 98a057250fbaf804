/**
 * The first start (issue 17): a start stopped during the seed (here killed with SIGKILL half way)
 * must not leave a half demo for good. The next start finds logins without the seed-complete
 * marker, wipes the table and seeds again; until the demo is whole the API answers 503 (logins
 * included), and a start after a whole seed seeds nothing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { listLogins, listSessions, rebuildCounters } from '@socle/data';
import { DemoStart, ensureDemoSeeded, isDemoSeeded } from '@socle/tooling/local/demoStart';
import { createLocalServer } from '@socle/tooling/local/server';
import { seedDemo } from '@socle/tooling/local/seed';
import type { SeedSummary } from '@socle/tooling/local/seed';
import { freePort } from '@socle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';

const DOSSIERS_PER_NETWORK = 6;
const REPO_ROOT = join(import.meta.dirname, '../..');

let api: TestApi;
let gated: Server;
let gatedUrl = '';
let seeding = true;

beforeAll(async () => {
  api = await startTestApi();
  // The API as `npm run dev` starts it: answering 503 until the demo is whole.
  gated = createLocalServer({
    issuer: api.issuer,
    allowedOrigins: [],
    unavailable: () => (seeding ? 'demo seeding' : undefined),
  });
  const port = await freePort();
  gatedUrl = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve) => gated.listen(port, '127.0.0.1', () => resolve()));
});

afterAll(async () => {
  gated?.closeAllConnections();
  await new Promise<void>((resolve) => (gated ? gated.close(() => resolve()) : resolve()));
  await api?.stop();
});

/** Starts a first start in a child process and SIGKILLs it once the seed has written part of the demo. */
const killSeedHalfWay = async () => {
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['test/support/demoStartChild.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT,
      TABLE_NAME: api.tableName,
      DEMO_DOSSIERS_PER_NETWORK: String(DOSSIERS_PER_NETWORK),
      LOG_LEVEL: 'SILENT',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // The staff of the networks are invited before their dossiers are opened: a dozen logins means the
  // networks are under way and the juries not yet seeded.
  const until = Date.now() + 120_000;
  while ((await listLogins()).length < 12) {
    if (child.exitCode !== null) throw new Error(`the seed ended before it could be killed: ${output}`);
    if (Date.now() > until) throw new Error(`the seed never started: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  await exited;
};

describe('First start of the demo', () => {
  let halfLogins = 0;
  let summary: SeedSummary | undefined;
  let start: DemoStart | undefined;
  const healthDuringSeed: { status: number; body: unknown }[] = [];
  const loginPageDuringSeed: number[] = [];

  it('a seed killed half way leaves logins but no seed-complete marker', async () => {
    await killSeedHalfWay();
    halfLogins = (await listLogins()).length;

    expect(halfLogins).toBeGreaterThanOrEqual(12);
    expect(await isDemoSeeded()).toBe(false);
  }, 180_000);

  it('the next start wipes the half demo and seeds it again, answering 503 until it is whole', async () => {
    const steps: string[] = [];
    const result = await ensureDemoSeeded({
      onProgress: (step) => steps.push(step),
      seed: async () => {
        const health = await fetch(`${gatedUrl}/health`);
        healthDuringSeed.push({ status: health.status, body: await health.json() });
        loginPageDuringSeed.push((await fetch(`${gatedUrl}/dev-auth/authorize`)).status);
        // The wipe is done: the seed starts from an empty table.
        expect(await listLogins()).toEqual([]);
        return seedDemo({ dossiersPerNetwork: DOSSIERS_PER_NETWORK });
      },
    });
    seeding = false;
    start = result.start;
    summary = result.summary;

    expect(steps).toEqual(['wiping', 'seeding']);
    expect(start).toBe(DemoStart.RESEEDED);
    expect(healthDuringSeed).toEqual([
      { status: 503, body: { status: 'unavailable', message: 'demo seeding' } },
    ]);
    expect(loginPageDuringSeed).toEqual([503]);
    expect((await fetch(`${gatedUrl}/health`)).status).toBe(200);
  }, 240_000);

  it('leaves one whole demo: each login once, counters exact, every region with its upcoming session', async () => {
    if (!summary) throw new Error('the reseed did not run');
    const logins = await listLogins();
    const report = await rebuildCounters();
    const today = new Date().toISOString().slice(0, 10);

    expect(logins).toHaveLength(summary.logins.length);
    expect(new Set(logins.map((l) => l.email)).size).toBe(logins.length);
    expect(await isDemoSeeded()).toBe(true);
    expect(report.dossiers).toBe(summary.dossiers);
    expect(report.drift).toEqual([]);
    for (const region of summary.regions) {
      const sessions = await listSessions({
        userId: 'test',
        roles: ['jury_secretary'],
        organisms: [],
        region,
      });
      const ahead = sessions.filter((s) => s.status === 'planned' && s.date > today);
      expect(ahead, `upcoming session in ${region}`).toHaveLength(1);
    }
  }, 120_000);

  it('a later start finds the demo whole and seeds nothing', async () => {
    let seeded = false;
    const result = await ensureDemoSeeded({
      seed: async () => {
        seeded = true;
        throw new Error('must not seed again');
      },
    });

    expect(result.start).toBe(DemoStart.READY);
    expect(seeded).toBe(false);
  });
});
