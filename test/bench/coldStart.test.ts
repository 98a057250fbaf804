/**
 * Cold start, per Lambda bundle: the time to import its handler module in a fresh Node process, as a
 * ratio to a floor measured in the same run, and its minified size next to the floor's. The floor
 * is a handler that only sends one DynamoDB GetItem with the same SDK, bundled and minified with
 * esbuild's defaults (support/floorHandler.ts): goals are no API Lambda slower to start than it
 * (≤ 1.00×) and the documents Lambda ≤ 1.5×. Each bundle's imports alternate with the floor's, so
 * that a load spike hits both alike. The bundles are built with the options CDK deploys
 * (infra/lib/lambdaBundling.ts); infra/test/lambdaBundles.test.ts fails the build when one outgrows
 * its budget. This bench prints the ratios against their goals and fails only on a gross regression
 * (the machine is shared and noisy). `SOCLE_BENCH_LAMBDAS=documents,dossiers` measures only those.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LambdaName } from '@socle/contract/routeTypes';
import { FONT_DIR_ENV } from '@socle/documents';
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
/** Fresh processes per bundle and setting (and as many for the floor, alternating). */
const RUNS = 7;
/** Import time as a ratio to the floor's (issue 13). */
const API_GOAL = 1;
const DOCUMENTS_GOAL = 1.5;
/** The bench fails past its goal times this: a gross regression, not a noisy run. */
const GROSS = 1.5;

const { functionsDir, pdfFontDir } = repoPaths();
const only = process.env.SOCLE_BENCH_LAMBDAS?.split(',').filter(Boolean);
const names = lambdaEntryNames(functionsDir).filter((name) => !only || only.includes(name));
const apiLambdas: readonly string[] = Object.values(LambdaName);
const goalOf = (name: string) =>
  name === LambdaName.DOCUMENTS ? DOCUMENTS_GOAL : apiLambdas.includes(name) ? API_GOAL : undefined;

const outRoot = mkdtempSync(join(tmpdir(), 'socle-cold-'));
const bundlePath = (name: string) => join(outRoot, name, 'index.mjs');
const floorPath = join(outRoot, 'floor', 'index.cjs');
const firstCertificatePath = join(outRoot, 'firstCertificate', 'index.mjs');

const lambdaEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'eu-west-3',
  TABLE_NAME: 'bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  [FONT_DIR_ENV]: pdfFontDir,
};

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Prints the wall-clock and CPU time of the import (then of one call of the handler, when
 * `call`), measured inside the fresh process.
 */
const importScript = (file: string, call: boolean) => `
  const cpu = process.cpuUsage();
  const started = performance.now();
  const m = await import(${JSON.stringify(file)});
  if (typeof m.handler !== 'function') throw new Error('no handler');
  ${call ? 'await m.handler();' : ''}
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));`;

/** One import in a fresh process; `sourceMaps` as deployed (NODE_OPTIONS=--enable-source-maps). */
const importOnce = async (file: string, { sourceMaps = false, call = false } = {}): Promise<Timing> => {
  const { stdout } = await run(
    process.execPath,
    [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', importScript(file, call)],
    { env: lambdaEnv },
  );
  return JSON.parse(stdout) as Timing;
};

const kb = (file: string) => statSync(file).size / 1024;
const ms = (timings: readonly Timing[], key: keyof Timing) => median(timings.map((t) => t[key]));

beforeAll(async () => {
  const bundles = names.map((name) =>
    build(
      esbuildOptions({ entry: lambdaEntry(functionsDir, name), outdir: join(outRoot, name), root: repoRoot }),
    ),
  );
  // The floor: esbuild's defaults but what bundling a Node handler needs.
  const floor = build({
    entryPoints: [join(repoRoot, 'test/bench/support/floorHandler.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    outfile: floorPath,
    logLevel: 'error',
  });
  const firstCertificate = build({
    ...esbuildOptions({
      entry: join(repoRoot, 'test/bench/support/firstCertificate.ts'),
      outdir: join(outRoot, 'firstCertificate'),
      root: repoRoot,
    }),
    sourcemap: false,
  });
  await Promise.all([...bundles, floor, firstCertificate]);
});
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('Bench: Lambda cold start against the floor', () => {
  it('measures each bundle: size, and import time as a ratio to the floor in the same run', async () => {
    const rows: SummaryRow[] = [
      { measure: 'floor bundle (one GetItem, esbuild defaults)', value: kb(floorPath), unit: 'KB' },
    ];
    const ratios: { name: string; cpuRatio: number; goal?: number }[] = [];
    const floorRuns: Timing[] = [];
    for (const name of names) {
      // Act: the floor, the bundle and the bundle with source maps, in turn.
      const floor: Timing[] = [];
      const plain: Timing[] = [];
      const mapped: Timing[] = [];
      for (let i = 0; i < RUNS; i++) {
        floor.push(await importOnce(floorPath));
        plain.push(await importOnce(bundlePath(name)));
        mapped.push(await importOnce(bundlePath(name), { sourceMaps: true }));
      }
      floorRuns.push(...floor);
      const goal = goalOf(name);
      const wallRatio = ms(plain, 'wall') / ms(floor, 'wall');
      const cpuRatio = ms(plain, 'cpu') / ms(floor, 'cpu');
      ratios.push({ name, cpuRatio, goal });
      rows.push(
        {
          measure: `${name} import / floor`,
          value: wallRatio,
          unit: '×',
          target: goal,
          note: `${ms(plain, 'wall').toFixed(0)} / ${ms(floor, 'wall').toFixed(0)} ms wall; CPU ${cpuRatio.toFixed(2)}× (${ms(plain, 'cpu').toFixed(0)} / ${ms(floor, 'cpu').toFixed(0)} ms); source maps on ${ms(mapped, 'wall').toFixed(0)} ms`,
        },
        {
          measure: `${name} bundle`,
          value: kb(bundlePath(name)),
          unit: 'KB',
          target: BUNDLE_TARGET_BYTES / 1024,
          note: `${(kb(bundlePath(name)) / kb(floorPath)).toFixed(2)}× the floor's; budget ${bundleBudget(name) / 1024} KB`,
        },
      );
    }
    if (names.includes(LambdaName.DOCUMENTS)) {
      // What the documents Lambda's laziness defers: its first certificate loads the PDF engine.
      const first: Timing[] = [];
      for (let i = 0; i < RUNS; i++) first.push(await importOnce(firstCertificatePath, { call: true }));
      rows.push({
        measure: 'first certificate: import + render, fresh process',
        value: ms(first, 'wall'),
        unit: 'ms',
        note: `CPU ${ms(first, 'cpu').toFixed(0)} ms; the floor imports in ${ms(floorRuns, 'wall').toFixed(0)} ms`,
      });
    }
    printSummary(
      `Lambda cold start: import time / floor's, median of ${RUNS} fresh processes each, and bundle sizes`,
      rows,
    );
    // Assess: every bundle was measured (each import checked its handler), none grossly past its goal.
    expect(ratios.map((r) => r.name)).toEqual(names);
    expect(
      ratios.filter(({ goal, cpuRatio }) => goal !== undefined && cpuRatio > goal * GROSS).map((r) => r.name),
    ).toEqual([]);
  });
});
