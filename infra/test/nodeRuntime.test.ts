/**
 * What is tested is what runs: the suite and `npm run dev` run on the Node.js major of the deployed
 * Lambdas (the root package.json pins the `node` package, whose binary npm puts first on the PATH of
 * every npm script), so a machine with only an older Node and npm still tests the deployed runtime.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAMBDA_RUNTIME } from '../lib/constructs/SocleFunction.ts';

const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
};

const majorOfRuntime = (name: string) => /^nodejs(\d+)\.x$/.exec(name)?.[1];

describe('Node.js runtime', () => {
  it('the suite runs on the Lambdas’ Node.js major', () => {
    expect(majorOfRuntime(LAMBDA_RUNTIME.name)).toBeDefined();
    expect(process.versions.node.split('.')[0]).toBe(majorOfRuntime(LAMBDA_RUNTIME.name));
  });

  it('the repository pins that major as its own Node.js', () => {
    expect(rootPackage.devDependencies.node?.split('.')[0]).toBe(majorOfRuntime(LAMBDA_RUNTIME.name));
  });
});
