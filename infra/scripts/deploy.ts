/**
 * `npm run deploy -- --stage <dev|staging|prod> [--force]`: builds the web app (its build's hash goes
 * into the CSP at synth), deploys the three stacks of the stage, then prints the URLs and what the
 * operator may still have to do. `--force` deploys the stateless stack again even when its template
 * did not change (infra/README.md, "Cross-stack values").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStage, stages } from '../bin/stages.ts';
import { repoRoot } from '../lib/repoPaths.ts';
import type { Stage } from '../lib/stageConfig.ts';

interface Step {
  readonly title: string;
  readonly command: string;
  readonly args: readonly string[];
}

interface DeployPlan {
  readonly stage: Stage;
  readonly outputsFile: string;
  readonly steps: readonly Step[];
}

/** The commands of a deploy, from the script's arguments; throws with a French-free usage line. */
const deployPlan = (argv: readonly string[]): DeployPlan => {
  const usage = `usage: npm run deploy -- --stage <${Object.keys(stages).join('|')}> [--force]`;
  const at = argv.indexOf('--stage');
  const stage = at === -1 ? undefined : argv[at + 1];
  if (!isStage(stage)) throw new Error(`${stage ? `unknown stage "${stage}"` : 'no --stage'}: ${usage}`);
  const unknown = argv.filter((arg, i) => i !== at && i !== at + 1 && arg !== '--force');
  if (unknown.length) throw new Error(`unknown argument(s) ${unknown.join(' ')}: ${usage}`);
  const outputsFile = join('infra', 'cdk.out', `outputs-${stage}.json`);
  const cdk = (...args: string[]) => [
    'cdk',
    'deploy',
    ...args,
    '-c',
    `stage=${stage}`,
    '--outputs-file',
    outputsFile,
  ];
  return {
    stage,
    outputsFile,
    steps: [
      { title: 'Build the web app', command: 'npm', args: ['run', 'build', '-w', 'web'] },
      { title: `Deploy socle-${stage}-*`, command: 'npx', args: cdk('--all') },
      ...(argv.includes('--force')
        ? [
            {
              title: `Deploy socle-${stage}-stateless again`,
              command: 'npx',
              args: cdk(`socle-${stage}-stateless`, '--force'),
            },
          ]
        : []),
    ],
  };
};

type Outputs = Record<string, Record<string, string>>;

/** What the operator reads at the end: the site, the API, and what remains to be done once. */
const summaryOf = (stage: Stage, outputs: Outputs): string[] => {
  const stateless = outputs[`socle-${stage}-stateless`] ?? {};
  const stateful = outputs[`socle-${stage}-stateful`] ?? {};
  const dkim = Object.entries(stateful)
    .filter(([name]) => name.includes('DkimRecord'))
    .map(([, value]) => `    ${value}`);
  return [
    `Site:      ${stateless.WebUrl ?? '(not deployed)'}`,
    `API:       ${stateless.ApiUrl ?? '(not deployed)'}`,
    `Dashboard: ${stateless.DashboardName ?? '(not deployed)'}`,
    `Signing keys secret: ${stateful.CredentialSigningKeysArn ?? '(not deployed)'}`,
    ...(dkim.length ? ['SES DKIM records (once, in the DNS of the email domain):', ...dkim] : []),
    'First deploy of a stage: docs/operations.md, "First deploy".',
  ];
};

const main = () => {
  const plan = deployPlan(process.argv.slice(2));
  for (const step of plan.steps) {
    console.log(`\n== ${step.title}: ${step.command} ${step.args.join(' ')}`);
    const result = spawnSync(step.command, step.args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const file = join(repoRoot, plan.outputsFile);
  const outputs = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Outputs) : {};
  console.log(`\n${summaryOf(plan.stage, outputs).join('\n')}`);
};

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

export type { DeployPlan, Step };
export { deployPlan, summaryOf };
