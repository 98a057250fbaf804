/** Builds the web app once for the end-to-end run (the same static build that is deployed). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup() {
  const web = join(import.meta.dirname, '../../web');
  // The production build (vitest sets NODE_ENV=test, which would make Svelte build in dev mode).
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('web build failed');
}
