import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeEach, describe, expect, it } from 'vitest';
import { SocleFunction } from '../lib/constructs/SocleFunction.ts';
import type { SocleFunctionProps } from '../lib/constructs/SocleFunction.ts';
import { lambdaEntry, repoPaths, repoRoot } from '../lib/repoPaths.ts';
import './templateMatchers.ts';

describe('Class: SocleFunction', () => {
  const paths = repoPaths();
  let stack: Stack;
  const props: SocleFunctionProps = {
    entry: lambdaEntry(paths.functionsDir, 'meta'),
    depsLockFilePath: paths.depsLockFilePath,
    serviceName: 'meta',
    logRetention: RetentionDays.ONE_WEEK,
  };

  beforeEach(() => {
    // Prepare: no bundling (app.test.ts bundles the real functions).
    const app = new App({
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [] },
    });
    stack = new Stack(app, 'Test');
  });

  it('defaults to 10 s and 512 MB', () => {
    // Act
    new SocleFunction(stack, 'Fn', props);
    // Assess
    expect(Template.fromStack(stack)).toHaveResourceProperties('AWS::Lambda::Function', {
      Timeout: 10,
      MemorySize: 512,
    });
  });

  it('takes another timeout and memory size', () => {
    // Act
    new SocleFunction(stack, 'Fn', { ...props, timeout: Duration.seconds(30), memorySize: 1024 });
    // Assess
    expect(Template.fromStack(stack)).toHaveResourceProperties('AWS::Lambda::Function', {
      Timeout: 30,
      MemorySize: 1024,
    });
  });

  it('configures no asynchronous invocation unless told', () => {
    // Act
    new SocleFunction(stack, 'Fn', props);
    // Assess
    expect(Template.fromStack(stack)).toHaveResourceCount('AWS::Lambda::EventInvokeConfig', 0);
  });

  it('refuses a bundle file outside the bundling root', () => {
    // Act & Assess
    expect(
      () =>
        new SocleFunction(stack, 'Fn', {
          ...props,
          bundleFiles: [{ source: '/etc/hostname', target: 'hostname' }],
        }),
    ).toThrow(/must be an absolute path under/);
  });

  it('refuses a bundle target outside the bundle', () => {
    // Act & Assess
    expect(
      () =>
        new SocleFunction(stack, 'Fn', {
          ...props,
          bundleFiles: [{ source: join(repoRoot, 'package.json'), target: '../package.json' }],
        }),
    ).toThrow(/must be a relative path inside the bundle/);
  });
});
