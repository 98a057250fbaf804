import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SocleStacks } from '../lib/socleApp.ts';
import { socleApp } from './fixtures.ts';

describe('Function: addSocleStage', () => {
  let app: App;
  let stacks: SocleStacks;
  let synth: () => void;

  beforeAll(() => {
    // Prepare: what `cdk synth -c stage=prod` runs, esbuild bundling and template validation included.
    ({ app, ...stacks } = socleApp({ stage: 'prod', bundling: true, cfnValidation: true }));
    synth = () => app.synth();
  });

  it('synthesizes with cdk-nag AwsSolutions checks and built-in template validation', () => {
    // Act & Assess: an unacknowledged finding makes synth throw.
    expect(synth).not.toThrow();
  });

  it('leaves no AwsSolutions finding unacknowledged', () => {
    // Act
    const report = new AwsSolutionsChecks().validateScope(app);
    // Assess
    expect(report.violations).toEqual([]);
  });

  it('bundles each function as an ES module that can still require CommonJS', () => {
    const functions = [
      stacks.stateful.node.findChild('PreTokenGeneration'),
      ...Object.values(stacks.stateless.functions),
    ];
    for (const fn of functions) {
      // Prepare
      const code = fn.node.findChild('Code') as Asset;
      const bundle = join(app.outdir, code.assetPath, 'index.mjs');
      // Assess
      expect(existsSync(bundle)).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
      expect(readFileSync(bundle, 'utf8')).toMatch(/^import \{ createRequire as socleCreateRequire \}/);
    }
  });
});

describe('Function: addSocleStage (guardrail)', () => {
  it('fails synth on a finding nobody acknowledged', () => {
    // Prepare
    const { app, stateless } = socleApp({ stage: 'dev' });
    new Bucket(stateless, 'UnloggedBucket', { enforceSSL: true });
    // Act & Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });
});
