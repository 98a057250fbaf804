import { describe, expect, it } from 'vitest';
import { deployPlan, summaryOf } from '../scripts/deploy.ts';

describe('Script: npm run deploy', () => {
  it('builds the web app first, then deploys every stack of the stage with its outputs saved', () => {
    const plan = deployPlan(['--stage', 'prod']);
    expect(plan.steps.map((step) => [step.command, ...step.args].join(' '))).toEqual([
      'npm run build -w web',
      'npx cdk deploy --all -c stage=prod --outputs-file infra/cdk.out/outputs-prod.json',
    ]);
  });

  it('with --force, deploys the stateless stack again even if its template did not change', () => {
    const plan = deployPlan(['--stage', 'dev', '--force']);
    expect(plan.steps.at(-1)?.args).toEqual([
      'cdk',
      'deploy',
      'socle-dev-stateless',
      '--force',
      '-c',
      'stage=dev',
      '--outputs-file',
      'infra/cdk.out/outputs-dev.json',
    ]);
  });

  it.each([
    [[], /no --stage/],
    [['--stage'], /no --stage/],
    [['--stage', 'production'], /unknown stage "production"/],
    [['--stage', 'dev', '--all'], /unknown argument\(s\) --all/],
  ])('refuses %j with the usage', (argv, message) => {
    expect(() => deployPlan(argv)).toThrow(message);
    expect(() => deployPlan(argv)).toThrow(/usage: npm run deploy -- --stage <dev\|staging\|prod>/);
  });

  it('prints the URLs and the DKIM records from the outputs', () => {
    const lines = summaryOf('prod', {
      'socle-prod-stateless': {
        WebUrl: 'https://d1.cloudfront.net',
        ApiUrl: 'https://x.execute-api',
        DashboardName: 'd',
      },
      'socle-prod-stateful': {
        CredentialSigningKeysArn: 'arn:aws:secretsmanager:eu-west-3:1:secret:k',
        EmailDkimRecord1ABC: 'a._domainkey.socle.certifpro.fr CNAME a.dkim.amazonses.com',
      },
    });
    expect(lines).toContain('Site:      https://d1.cloudfront.net');
    expect(lines).toContain('API:       https://x.execute-api');
    expect(lines).toContain('    a._domainkey.socle.certifpro.fr CNAME a.dkim.amazonses.com');
  });
});
