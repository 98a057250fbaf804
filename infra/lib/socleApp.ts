import { Tags, Validations } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RepoPaths } from './repoPaths.ts';
import type { Stage, StageConfig } from './stageConfig.ts';
import { StatefulStack } from './StatefulStack.ts';
import { StatelessStack } from './StatelessStack.ts';

interface SocleAppProps {
  readonly stage: Stage;
  readonly config: StageConfig;
  readonly paths: Omit<RepoPaths, 'webBuildDir'>;
  /** The web build, only when it exists. @default - no site files are deployed */
  readonly webBuildDir?: string;
}

interface SocleStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Composes one stage of Socle in `app`, and registers cdk-nag's AWS Solutions pack as a policy
 * validation plugin: synth fails on any finding not acknowledged (with a reason) on its construct.
 */
const addSocleStage = (app: App, { stage, config, paths, webBuildDir }: SocleAppProps): SocleStacks => {
  const stateful = new StatefulStack(app, `socle-${stage}-stateful`, {
    description: `Socle ${stage}: table and user pool`,
    config,
    functionsDir: paths.functionsDir,
    depsLockFilePath: paths.depsLockFilePath,
    terminationProtection: config.retainData,
  });
  const stateless = new StatelessStack(app, `socle-${stage}-stateless`, {
    description: `Socle ${stage}: API, functions and web hosting`,
    config,
    table: stateful.table,
    userPool: stateful.userPool,
    functionsDir: paths.functionsDir,
    depsLockFilePath: paths.depsLockFilePath,
    pdfFontDir: paths.pdfFontDir,
    webBuildDir,
  });
  Tags.of(app).add('app', 'socle');
  Tags.of(app).add('stage', stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
};

export type { SocleAppProps, SocleStacks };
export { addSocleStage };
