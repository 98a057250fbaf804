/**
 * The Lambda bundles as deployed, built with esbuild's API from the options SocleFunction gives CDK
 * (lib/lambdaBundling.ts): each stays within its size budget, carries no credential provider but the
 * environment's, loads in a fresh Node process, and one runs against DynamoDB Local.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPlatformLogin } from '@socle/data';
import { ensureTable, startDynamoLocal } from '@socle/testing';
import type { DynamoLocal } from '@socle/testing';
import { App, Stack } from 'aws-cdk-lib';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocleFunction } from '../lib/constructs/SocleFunction.ts';
import {
  BUNDLE_TARGET_BYTES,
  bundleBudget,
  esbuildOptions,
  lambdaEntryNames,
} from '../lib/lambdaBundling.ts';
import { lambdaEntry, repoPaths, repoRoot } from '../lib/repoPaths.ts';
import { systemClock } from '@socle/domain';

const run = promisify(execFile);
const paths = repoPaths();
const names = lambdaEntryNames(paths.functionsDir);
const outRoot = mkdtempSync(join(tmpdir(), 'socle-bundles-'));
const bundlePath = (name: string) => join(outRoot, name, 'index.mjs');
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Whatever a Lambda's environment would hold at import, nothing that reaches AWS. */
const lambdaEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'eu-west-3',
  TABLE_NAME: 'socle-bundle-check',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/**
 * What a bundle exports, imported in a fresh Node process (as Lambda's runtime does at init), or
 * the error it threw (its last line: the whole minified line would flood the report).
 */
const exportsOf = async (name: string): Promise<unknown> => {
  const script = `const m = await import(${JSON.stringify(bundlePath(name))});
    console.log(JSON.stringify(Object.keys(m).map((k) => [k, typeof m[k]])));`;
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: lambdaEnv });
    return JSON.parse(stdout);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return stderr.split('\n').findLast((line) => /Error/.test(line)) ?? stderr.slice(-500);
  }
};

const metafiles = new Map<string, Metafile>();

beforeAll(async () => {
  // Prepare: one build per Lambda entry, in parallel (esbuild runs them on its own threads).
  await Promise.all(
    names.map(async (name) => {
      const result = await build(
        esbuildOptions({
          entry: lambdaEntry(paths.functionsDir, name),
          outdir: join(outRoot, name),
          root: repoRoot,
        }),
      );
      metafiles.set(name, result.metafile as Metafile);
    }),
  );
});
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('Lambda bundles', () => {
  it('finds every Lambda entry, the token trigger and the scheduled job included', () => {
    expect(names).toEqual(
      expect.arrayContaining(['dossiers', 'documents', 'preTokenGeneration', 'expirySweep']),
    );
  });

  it('keeps each bundle within its budget (minified, AWS SDK included)', () => {
    // Act
    const rows = names.map((name) => {
      const bytes = statSync(bundlePath(name)).size;
      return {
        bundle: name,
        kb: kb(bytes),
        budgetKb: kb(bundleBudget(name)),
        targetKb: kb(BUNDLE_TARGET_BYTES),
        vsTarget: Math.round((bytes / BUNDLE_TARGET_BYTES) * 100) / 100,
        withinBudget: bytes <= bundleBudget(name),
      };
    });
    console.table(rows);
    // Assess
    expect(rows.filter((row) => !row.withinBudget)).toEqual([]);
  });

  it('carries only the environment credential provider, not the default chain and its clients', () => {
    for (const name of names) {
      const inputs = Object.keys((metafiles.get(name) as Metafile).inputs);
      expect(
        inputs.filter((file) => /credential-provider-(?!env)|nested-clients|client-sso/.test(file)),
      ).toEqual([]);
    }
  });

  it("keeps zod's French messages in every bundle that validates with zod", () => {
    // Prepare: the domain package declares its side effects (package.json `sideEffects`), so that
    // esbuild drops the modules a bundle does not use; the locale is set by one of those side effects.
    const bundled = (name: string) => {
      const { outputs } = metafiles.get(name) as Metafile;
      const entry = Object.values(outputs).find((output) => output.entryPoint);
      return Object.entries(entry?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => file);
    };
    const validating = names.filter((name) => bundled(name).some((file) => file.includes('zod/v4/classic/')));
    // Act
    const withoutLocale = validating.filter(
      (name) =>
        !bundled(name).some((file) => file.endsWith('zod/v4/locales/fr.js')) ||
        !bundled(name).some((file) => file.endsWith('packages/domain/src/zodLocale.ts')),
    );
    // Assess
    expect(validating).toEqual(expect.arrayContaining(['dossiers', 'documents', 'verification']));
    expect(withoutLocale).toEqual([]);
  });

  it('exports a handler function from every bundle, imported in a fresh Node process', async () => {
    // Prepare: an entry exports `handler` and nothing else but the test seams named here.
    const testSeams: Readonly<Record<string, readonly string[]>> = {
      // Swaps where the token trigger learns of second factors (test/integration/preTokenGeneration).
      preTokenGeneration: ['useSecondFactors'],
    };
    // Act
    const loaded = [];
    for (const name of names) loaded.push({ name, exports: await exportsOf(name) });
    // Assess
    expect(loaded).toEqual(
      names.map((name) => ({
        name,
        exports: [['handler', 'function'], ...(testSeams[name] ?? []).map((seam) => [seam, 'function'])],
      })),
    );
  });

  it('is byte for byte the bundle CDK builds for a SocleFunction', () => {
    // Prepare: bundling on, in its own output folder.
    const app = new App({ outdir: join(outRoot, 'cdk.out') });
    const stack = new Stack(app, 'Bundle');
    const fn = new SocleFunction(stack, 'Fn', {
      entry: lambdaEntry(paths.functionsDir, 'meta'),
      depsLockFilePath: paths.depsLockFilePath,
      serviceName: 'meta',
      logRetention: RetentionDays.ONE_WEEK,
    });
    // Act
    app.synth();
    // Assess
    const asset = fn.node.findChild('Code') as Asset;
    const deployed = readFileSync(join(app.outdir, asset.assetPath, 'index.mjs'));
    expect(deployed.equals(readFileSync(bundlePath('meta')))).toBe(true);
  });
});

describe('Lambda bundle against DynamoDB Local', () => {
  let dynamo: DynamoLocal;
  const tableName = 'socle_bundle_check';
  const userId = '01JB0000000000000000000ADM';

  /** Runs the token trigger bundle in a fresh process, the endpoint and credentials from its env. */
  const tokenTrigger = (env: Record<string, string>) =>
    run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { handler } = await import(${JSON.stringify(bundlePath('preTokenGeneration'))});
         const event = await handler({ userName: ${JSON.stringify(userId)}, response: {} }, { functionName: 'preToken', awsRequestId: 'bundle-test' });
         console.log(JSON.stringify(event.response));`,
      ],
      {
        env: {
          ...lambdaEnv,
          TABLE_NAME: tableName,
          // The SDK's own endpoint setting: the data layer's DYNAMODB_ENDPOINT would also fix credentials.
          AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
          ...env,
        },
      },
    );

  beforeAll(async () => {
    // Prepare: a national admin's login, written through the data layer (source, not bundle).
    dynamo = await startDynamoLocal();
    await ensureTable(dynamo.endpoint, tableName);
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.TABLE_NAME = tableName;
    await createPlatformLogin(
      {
        principal: { userId: 'bundle-check', roles: ['national_admin'], organisms: [] },
        requestId: 'bundle-check',
        clock: systemClock,
      },
      { userId, email: 'admin@bundle.test', name: 'Admin', roles: ['national_admin'], organisms: [] },
    );
  });
  afterAll(async () => {
    delete process.env.DYNAMODB_ENDPOINT;
    await dynamo?.stop();
  });

  it('reads the login item with the credentials Lambda puts in the environment', async () => {
    // Act
    const { stdout } = await tokenTrigger({ AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
    // Assess
    // An event of no user pool cannot prove a second factor: the admin role is read, then withheld.
    expect(JSON.parse(stdout)).toMatchObject({
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { roles: [], withheld_roles: ['national_admin'] } },
      },
    });
  });

  it('fails without credentials in the environment (no other provider is bundled)', async () => {
    // Act & Assess
    await expect(tokenTrigger({})).rejects.toThrow(/environment variable credentials/i);
  });
});
