import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FONT_DIR_ENV, FONT_FILES, MONO_FONT_FILE } from '@socle/documents';
import type { App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SocleFunction } from '../lib/constructs/SocleFunction.ts';
import { repoPaths } from '../lib/repoPaths.ts';
import type { SocleStacks } from '../lib/socleApp.ts';
import { pdfFonts } from '../lib/StatelessStack.ts';
import { logicalId, socleApp } from './fixtures.ts';

describe('Function: addSocleStage', () => {
  let app: App;
  let stacks: SocleStacks;
  let synth: () => void;

  /** The folder of a function's bundle in the cloud assembly (what Lambda unpacks to /var/task). */
  const bundleDir = (fn: SocleFunction) => join(app.outdir, (fn.node.findChild('Code') as Asset).assetPath);

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
      ...Object.values(stacks.stateless.jobs).map((job) => job.function),
      stacks.stateless.notifications?.delivery.function,
      stacks.stateless.notifications?.sesEvents,
    ].filter((fn) => fn !== undefined);
    expect(functions).toHaveLength(
      1 + Object.keys(stacks.stateless.functions).length + Object.keys(stacks.stateless.jobs).length + 2,
    );
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

  it('copies both PDF fonts into the documents bundle, where SOCLE_FONT_DIR points', () => {
    // Prepare
    const fn = stacks.stateless.functions.documents;
    const { template } = app.synth().getStackByName(stacks.stateless.stackName);
    const fontDir: string = template.Resources[logicalId(fn)].Properties.Environment.Variables[FONT_DIR_ENV];
    const inBundle = join(bundleDir(fn), relative('/var/task', fontDir));
    // Assess
    expect(fontDir).toMatch(/^\/var\/task\//);
    const files = [...Object.values(FONT_FILES), MONO_FONT_FILE];
    expect(readdirSync(inBundle).sort()).toEqual([...files].sort());
    for (const file of files) {
      const source = readFileSync(join(repoPaths().pdfFontDir, file));
      expect(readFileSync(join(inBundle, file)).equals(source)).toBe(true);
    }
  });

  it('names the fonts and their variable as packages/documents reads them', () => {
    expect(pdfFonts.env).toBe(FONT_DIR_ENV);
    expect([...pdfFonts.files].sort()).toEqual([...Object.values(FONT_FILES), MONO_FONT_FILE].sort());
  });

  it('bundles no fonts into the other functions', () => {
    const others = Object.entries(stacks.stateless.functions).filter(([name]) => name !== 'documents');
    for (const [, fn] of others) {
      expect(readdirSync(bundleDir(fn)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
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
