/**
 * The CDK app: `cdk synth|deploy -c stage=dev|staging|prod` (default dev). The only place that
 * reads context and the file system; everything below receives props.
 */
import { existsSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { addSocleStage } from '../lib/socleApp.ts';
import { repoPaths } from '../lib/repoPaths.ts';
import { EMAIL_CONTEXT_KEY, isStage, stageConfigOf, stages } from './stages.ts';

const app = new App();
const stage = app.node.tryGetContext('stage') ?? 'dev';
if (!isStage(stage)) {
  throw new Error(`Unknown stage "${String(stage)}": use -c stage=${Object.keys(stages).join('|')}`);
}
const paths = repoPaths();
// After a point-in-time restore: `-c restoredTable=<name>` points the functions at the restored table.
const restoredTable: unknown = app.node.tryGetContext('restoredTable');
if (
  restoredTable !== undefined &&
  (typeof restoredTable !== 'string' || !/^[\w.-]{3,255}$/.test(restoredTable))
) {
  throw new Error(`restoredTable must be a DynamoDB table name, got "${String(restoredTable)}"`);
}

addSocleStage(app, {
  stage,
  config: stageConfigOf(stage, { [EMAIL_CONTEXT_KEY]: app.node.tryGetContext(EMAIL_CONTEXT_KEY) }),
  paths,
  // A build output: deployed when present, synth works without it.
  webBuildDir: existsSync(paths.webBuildDir) ? paths.webBuildDir : undefined,
  restoredTableName: restoredTable,
});

app.synth();
