/**
 * Cold start proxy, per Lambda bundle: its minified size (AWS SDK included) and the time to import
 * its handler module in a fresh Node process, median of several processes. The bundles are built
 * with the options CDK deploys (infra/lib/lambdaBundling.ts); infra/test/lambdaBundles.test.ts
 * fails the build when one outgrows its budget, this bench only measures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_TARGET_BYTES,
  bundleBudget,
  esbuildOptions,
  lambdaEntryNames,
} from '../../infra/lib/lambdaBundling.ts';
import { lambdaEntry, repoPaths, repoRoot } from '../../infra/lib/repoPaths.ts';
import { median, printSummary } from './support/summary.ts';
import type { SummaryRow } from './support/summary.ts';

const run = promisify(execFile);
/** Fresh processes per bundle and setting. */
const RUNS = 7;
const IMPORT_TARGET_MS = 150;

const { functionsDir } = repoPaths();
const names = lambdaEntryNames(functionsDir);
const outRoot = mkdtempSync(join(tmpdir(), 'socle-cold-'));
const bundlePath = (name: string) => join(outRoot, name, 'index.mjs');

/** Prints the wall-clock and CPU time of the import, measured inside the fresh process. */
const importScript = (file: string) => `
  const cpu = process.cpuUsage();
  const started = performance.now();
  const m = await import(${JSON.stringify(file)});
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (typeof m.handler !== 'function') throw new Error('no handler');
  console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));`;

/** One import in a fresh process; `sourceMaps` as deployed (NODE_OPTIONS=--enable-source-maps). */
const importOnce = async (name: string, sourceMaps: boolean) => {
  const { stdout } = await run(
    process.execPath,
    [
      ...(sourceMaps ? ['--enable-source-maps'] : []),
      '--input-type=module',
      '-e',
      importScript(bundlePath(name)),
    ],
    {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'eu-west-3',
        TABLE_NAME: 'bench',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
      },
    },
  );
  return JSON.parse(stdout) as { wall: number; cpu: number };
};

beforeAll(async () => {
  await Promise.all(
    names.map((name) =>
      build(
        esbuildOptions({
          entry: lambdaEntry(functionsDir, name),
          outdir: join(outRoot, name),
          root: repoRoot,
        }),
      ),
    ),
  );
});
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('Bench: Lambda cold start proxy', () => {
  it('measures each bundle: size, and import time in fresh processes', async () => {
    const rows: SummaryRow[] = [];
    for (const name of names) {
      // Act: interleave both settings so that a load spike hits both alike.
      const plain: { wall: number; cpu: number }[] = [];
      const mapped: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        plain.push(await importOnce(name, false));
        mapped.push(await importOnce(name, true));
      }
      const bytes = statSync(bundlePath(name)).size;
      rows.push(
        {
          measure: `${name} bundle`,
          value: bytes / 1024,
          unit: 'KB',
          target: BUNDLE_TARGET_BYTES / 1024,
          note: `budget ${bundleBudget(name) / 1024} KB`,
        },
        {
          measure: `${name} import`,
          value: median(plain.map((r) => r.wall)),
          unit: 'ms',
          target: IMPORT_TARGET_MS,
          note: `CPU ${median(plain.map((r) => r.cpu)).toFixed(0)} ms`,
        },
        {
          measure: `${name} import, source maps on`,
          value: median(mapped.map((r) => r.wall)),
          unit: 'ms',
          target: IMPORT_TARGET_MS,
          note: `as deployed (NODE_OPTIONS); CPU ${median(mapped.map((r) => r.cpu)).toFixed(0)} ms`,
        },
      );
    }
    printSummary(`Lambda bundles: minified size and import time, median of ${RUNS} fresh processes`, rows);
    // Assess: every bundle was measured (each import checked its handler).
    expect(rows).toHaveLength(names.length * 3);
  });
});
