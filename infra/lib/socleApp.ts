import { Tags, Validations } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EdgeStack } from './EdgeStack.ts';
import { publicPathPrefixes } from './publicPaths.ts';
import type { RepoPaths } from './repoPaths.ts';
import type { Stage, StageConfigWithEmail } from './stageConfig.ts';
import { StatefulStack } from './StatefulStack.ts';
import { StatelessStack } from './StatelessStack.ts';

interface SocleAppProps {
  readonly stage: Stage;
  readonly config: StageConfigWithEmail;
  readonly paths: Omit<RepoPaths, 'webBuildDir'>;
  /** The web build, only when it exists. @default - no site files are deployed */
  readonly webBuildDir?: string;
  /** A table restored from a backup for the functions to use (`-c restoredTable=<name>`). @default - none */
  readonly restoredTableName?: string;
}

interface SocleStacks {
  readonly edge: EdgeStack;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Composes one stage of Socle in `app`, and registers cdk-nag's AWS Solutions pack as a policy
 * validation plugin: synth fails on any finding not acknowledged (with a reason) on its construct.
 */
const addSocleStage = (
  app: App,
  { stage, config, paths, webBuildDir, restoredTableName }: SocleAppProps,
): SocleStacks => {
  // Regions are explicit: the stateless stack reads the web ACL's ARN from us-east-1 (a cross-region
  // reference). The account stays the one of the credentials that deploy.
  const env = { region: config.region };
  const edge = new EdgeStack(app, `socle-${stage}-edge`, {
    description: `Socle ${stage}: WAF web ACL of the web distribution (us-east-1)`,
    rateLimit: config.edgeRateLimit,
    publicPathPrefixes: [...publicPathPrefixes],
    metricPrefix: `socle-${stage}`,
  });
  const stateful = new StatefulStack(app, `socle-${stage}-stateful`, {
    description: `Socle ${stage}: table, user pool and credential signing keys`,
    env,
    config,
    functionsDir: paths.functionsDir,
    depsLockFilePath: paths.depsLockFilePath,
    restoredTableName: restoredTableName ?? config.restoredTableName,
    terminationProtection: config.retainData,
  });
  const stateless = new StatelessStack(app, `socle-${stage}-stateless`, {
    description: `Socle ${stage}: API, functions and web hosting`,
    env,
    config,
    table: stateful.dataTable,
    userPool: stateful.userPool,
    credentialKeys: stateful.credentialKeys,
    email: stateful.email,
    functionsDir: paths.functionsDir,
    depsLockFilePath: paths.depsLockFilePath,
    pdfFontDir: paths.pdfFontDir,
    webBuildDir,
    webAclArn: edge.firewall.webAclArn,
  });
  Tags.of(app).add('app', 'socle');
  Tags.of(app).add('stage', stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { edge, stateful, stateless };
};

export type { SocleAppProps, SocleStacks };
export { addSocleStage };
