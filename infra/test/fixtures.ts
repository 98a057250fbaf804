/** Synthesizes Socle the way `cdk synth` does (same feature flags), for template assertions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { stageConfigOf } from '../bin/stages.ts';
import { repoPaths, repoRoot } from '../lib/repoPaths.ts';
import { addSocleStage } from '../lib/socleApp.ts';
import type { Stage, StageConfigWithEmail } from '../lib/stageConfig.ts';
import './templateMatchers.ts';

const cdkContext = (
  JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;

interface SynthOptions {
  /** @default 'prod' */
  readonly stage?: Stage;
  /** Run esbuild on the Lambda entries (slow); otherwise bundling is skipped. @default false */
  readonly bundling?: boolean;
  readonly webBuildDir?: string;
  /**
   * CDK's built-in CloudFormation template validation, as `cdk synth` runs it (loading its schemas
   * takes seconds). @default false
   */
  readonly cfnValidation?: boolean;
  /** The functions use this restored table instead of the stack's own. @default - none */
  readonly restoredTableName?: string;
  /** Overrides of the stage's config (e.g. Cognito sending through SES). @default - none */
  readonly config?: Partial<StageConfigWithEmail>;
}

const socleApp = ({
  stage = 'prod',
  bundling = false,
  webBuildDir,
  cfnValidation = false,
  restoredTableName,
  config,
}: SynthOptions = {}) => {
  const app = new App({
    builtinCloudFormationValidation: cfnValidation,
    context: { ...cdkContext, ...(bundling ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stacks = addSocleStage(app, {
    stage,
    config: { ...stageConfigOf(stage, cdkContext), ...config },
    paths: repoPaths(),
    webBuildDir,
    restoredTableName,
  });
  return { app, ...stacks };
};

/** A bare stack for construct tests (no built-in template validation, see above). */
const bareStack = () => new Stack(new App({ builtinCloudFormationValidation: false }), 'Test');

/** Logical ID of a construct's CloudFormation resource (its default child). */
const logicalId = (construct: IConstruct): string => {
  const resource = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(resource).getLogicalId(resource);
};

export { bareStack, logicalId, socleApp };
