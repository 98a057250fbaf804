/**
 * How every Lambda is bundled, defined once: SocleFunction hands it to CDK (which runs the esbuild
 * CLI), and the bundle budget test and the cold-start bench hand it to esbuild's API, so what they
 * measure is what is deployed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** CommonJS dependencies bundled into ESM still call `require`. */
const banner =
  "import { createRequire as socleCreateRequire } from 'node:module'; const require = socleCreateRequire(import.meta.url);";

/**
 * Modules swapped in Lambda bundles only (esbuild `alias`), as paths relative to the bundling root
 * (the lock file's folder, where esbuild runs). The local stack and the tests run the source with
 * the real modules. Each replacement says why it is safe.
 */
const aliases: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './functions/src/bundling/credentialsFromEnv.ts',
  '@smithy/core/event-streams': './functions/src/bundling/noEventStreams.ts',
  '@aws-sdk/middleware-endpoint-discovery': './functions/src/bundling/noEndpointDiscovery.ts',
};

const target = 'node24';
/** ESM builds of dependencies first: esbuild only tree-shakes ES modules. */
const mainFields = ['module', 'main'];

/** The `bundling` props of a NodejsFunction. */
const nodejsBundling = (): BundlingOptions => ({
  forceDockerBundling: false,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  format: OutputFormat.ESM,
  target,
  mainFields,
  // Bundle the SDK: the function runs the SDK version the tests ran against, not the runtime's.
  bundleAwsSDK: true,
  banner,
  esbuildArgs: { '--alias': Object.entries(aliases).map(([from, to]) => `${from}=${to}`) },
});

interface EsbuildBundleOptions {
  /** The Lambda entry file. */
  readonly entry: string;
  /** Where `index.mjs` (and its source map) is written. */
  readonly outdir: string;
  /** The bundling root: the lock file's folder. */
  readonly root: string;
}

/** The same bundle through esbuild's API (what CDK runs, plus the metafile for analysis). */
const esbuildOptions = ({ entry, outdir, root }: EsbuildBundleOptions): BuildOptions => ({
  entryPoints: [entry],
  outfile: join(outdir, 'index.mjs'),
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target,
  mainFields,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  banner: { js: banner },
  alias: { ...aliases },
  metafile: true,
  logLevel: 'error',
});

/** Every Lambda entry (`functions/src/lambdas/<name>.ts` but the local server's index), by name. */
const lambdaEntryNames = (functionsDir: string): string[] =>
  readdirSync(join(functionsDir, 'src', 'lambdas'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();

/** The cold-start target for a minified bundle, AWS SDK included (docs/performance.md). */
const BUNDLE_TARGET_BYTES = 250 * 1024;

/**
 * What the build allows each bundle (minified `index.mjs`), checked by infra/test/lambdaBundles.test.ts:
 * the measured size plus about 5 %, so that growth is a decision, not a drift. The 250 KB target is
 * not met by any bundle: the DynamoDB client alone (credentials from the environment, tree-shaken)
 * is 183 KB and zod's classic API, which the domain schemas use, 100 KB, so 283 KB come before the
 * first line of Socle (figures and the remaining levers in docs/performance.md).
 */
// Every function that wraps routes carries the STS client (~38 KB) for tenant-scoped credentials
// (docs/architecture.md): measured 437 KB at most without other extra clients.
const DEFAULT_BUDGET_BYTES = 455 * 1024;
const bundleBudgets: Readonly<Record<string, number>> = {
  // Cognito's client (~34 KB) to create and disable users (451 KB measured).
  network: 470 * 1024,
  platform: 470 * 1024,
  // Cognito's client too (jury members' accounts), and the largest route set: jury sessions, agendas,
  // votes, minutes, the convocations and agenda messages they queue (495 KB measured).
  juries: 515 * 1024,
  // The SES v2 client (~60 KB) that sends the outbox's messages (470 KB measured).
  outboxDelivery: 490 * 1024,
  // jose (~21 KB) and the Secrets Manager client (~38 KB) for Open Badges credentials (503 KB measured).
  certificates: 525 * 1024,
  verification: 525 * 1024,
  // pdf-lib, fontkit (font subsetting), their standard fonts, pako, qrcode: 1,398 KB of the 1,825.
  // Plus batch printing's labels and the national statement (1,936 KB measured).
  documents: 2000 * 1024,
};

/** The budget of a Lambda bundle, by entry name. */
const bundleBudget = (name: string): number => bundleBudgets[name] ?? DEFAULT_BUDGET_BYTES;

export type { EsbuildBundleOptions };
export { BUNDLE_TARGET_BYTES, bundleBudget, esbuildOptions, lambdaEntryNames, nodejsBundling };
