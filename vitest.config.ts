/**
 * One vitest run, several projects: pure unit tests next to the code, CDK assertions, integration
 * against DynamoDB Local and the real handlers, end-to-end in Chromium.
 */
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * DynamoDB Local on a loaded 2-core machine may take seconds to answer where DynamoDB takes
 * milliseconds: the suite waits longer per attempt than a deployed function (1.4 s,
 * packages/data/src/awsClientConfig.ts), except the tests whose subject is a stall, which set the
 * deployed value themselves.
 */
const SUITE_AWS_REQUEST_TIMEOUT_MS = '10000';

/**
 * Benchmarks (test/bench) take minutes and measure rather than check: they run with `npm run bench`
 * (which sets SOCLE_BENCH), one file at a time, never in `npm test`.
 */
const benchProjects = process.env.SOCLE_BENCH
  ? [
      {
        test: {
          name: 'bench',
          include: ['test/bench/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/dynamoGlobalSetup.ts'],
          // Handler logs would cost what is being measured (as in the integration project).
          env: { LOG_LEVEL: 'SILENT' },
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 600_000,
          expect: { requireAssertions: true },
        },
      },
    ]
  : [];

/** The web app's `$lib` (SvelteKit's alias), for web modules tested outside SvelteKit. */
const webLib = fileURLToPath(new URL('./web/src/lib', import.meta.url));

export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        resolve: { alias: { $lib: webLib } },
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'functions/src/**/*.test.ts',
            'web/src/lib/**/*.test.ts',
            // Plain modules next to a page (e.g. the evaluation grid's pending marks).
            'web/src/routes/**/*.test.ts',
          ],
          // Runes modules' tests need the Svelte compiler: they run in the `web` project below.
          exclude: [...configDefaults.exclude, 'web/src/**/*.svelte.test.ts'],
          environment: 'node',
          expect: { requireAssertions: true },
        },
      },
      {
        /**
         * Svelte 5 runes modules (`*.svelte.ts`, e.g. formState, gridState; tests named
         * `*.svelte.test.ts`) must go through the Svelte compiler: the plugin alone (not SvelteKit's,
         * which wants web/ as its working directory and a synced .svelte-kit) and `$lib` aliased as in
         * the app. Vitest's `node` environment transforms as for a server, which would compile runes
         * to plain values and resolve `svelte` to its server runtime (no effects, `SvelteSet` a plain
         * Set): the compile is forced to `client` and the server-side resolution takes the `browser`
         * condition, so the tests run the code the browser runs. SvelteKit's own `$app/*` modules
         * exist only in the app: the tests stand them in with `vi.mock`.
         */
        plugins: [
          svelte({
            configFile: false,
            compilerOptions: { runes: true },
            dynamicCompileOptions: () => ({ generate: 'client' }),
          }),
        ],
        resolve: { alias: { $lib: webLib } },
        ssr: { resolve: { conditions: ['browser'] } },
        test: {
          name: 'web',
          include: ['web/src/**/*.svelte.test.ts'],
          environment: 'node',
          expect: { requireAssertions: true },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { requireAssertions: true },
        },
      },
      {
        test: {
          name: 'integration',
          // The handlers log one line per request: silent unless a test turns its logger up (the logger
          // reads LOG_LEVEL when first imported, before any test code runs).
          env: { LOG_LEVEL: 'SILENT', SOCLE_AWS_REQUEST_TIMEOUT_MS: SUITE_AWS_REQUEST_TIMEOUT_MS },
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/dynamoGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { requireAssertions: true },
        },
      },
      {
        test: {
          name: 'e2e',
          // The handlers log one line per request: silent unless a test turns its logger up (the logger
          // reads LOG_LEVEL when first imported, before any test code runs).
          env: { LOG_LEVEL: 'SILENT', SOCLE_AWS_REQUEST_TIMEOUT_MS: SUITE_AWS_REQUEST_TIMEOUT_MS },
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/dynamoGlobalSetup.ts', 'test/support/webBuildGlobalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          expect: { requireAssertions: true },
        },
      },
      ...benchProjects,
    ],
  },
});
