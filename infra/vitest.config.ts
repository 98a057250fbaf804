import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'infra',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
    environment: 'node',
    expect: { requireAssertions: true },
    // Synthesis (and esbuild bundling in app.test.ts) takes seconds: once per file, in beforeAll.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
