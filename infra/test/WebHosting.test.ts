import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebHosting } from '../lib/constructs/WebHosting.ts';
import { bareStack } from './fixtures.ts';

/** A SvelteKit-like SPA build: a fallback page with an inline bootstrap script, hashed chunks. */
const bootstrap = '\n\t\t\t{ __sveltekit = { base: "" }; import("./_app/immutable/entry/start.js"); }\n\t\t';

describe('Class: WebHosting', () => {
  let buildDir: string;
  let template: Template;

  beforeAll(() => {
    // Prepare
    buildDir = mkdtempSync(join(tmpdir(), 'socle-web-build-'));
    mkdirSync(join(buildDir, '_app', 'immutable', 'entry'), { recursive: true });
    writeFileSync(join(buildDir, '_app', 'immutable', 'entry', 'start.js'), 'export {};');
    writeFileSync(
      join(buildDir, 'index.html'),
      `<!doctype html><html><head><script type="module" src="/x.js"></script></head><body><script>${bootstrap}</script></body></html>`,
    );
    const stack = bareStack();
    // Act
    const web = new WebHosting(stack, 'Web', {
      buildDir,
      connectSources: ['https://api.example.test'],
      accessLogExpiration: Duration.days(30),
      logRetention: RetentionDays.ONE_WEEK,
    });
    web.deploy({ apiUrl: 'https://api.example.test' });
    template = Template.fromStack(stack);
  });

  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
  });

  it('allows exactly the inline scripts of the build in the CSP', () => {
    // Prepare
    const hash = createHash('sha256').update(bootstrap).digest('base64');
    // Assess
    expect(template).toHaveResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp(
              `script-src 'self' 'sha256-${hash.replace(/\+/g, '\\+')}';`,
            ),
            Override: true,
          },
        }),
      }),
    });
  });

  it('lets the app connect to the given origins only', () => {
    expect(template).toHaveResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("connect-src 'self' https://api.example.test;"),
            Override: true,
          },
        }),
      }),
    });
  });

  it('uploads hashed assets as immutable and the rest as no-cache', () => {
    expect(template).toHaveResourceCount('Custom::CDKBucketDeployment', 2);
    expect(template).toHaveResourceProperties('Custom::CDKBucketDeployment', {
      Include: ['_app/immutable/*'],
      Exclude: ['*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(template).toHaveResourceProperties('Custom::CDKBucketDeployment', {
      Exclude: ['_app/immutable/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
  });

  it('gives the copy function a log group with retention', () => {
    expect(template).toHaveResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('WebDeploymentLogs') } },
    });
    expect(template).toHaveResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: RetentionDays.ONE_WEEK,
    });
  });
});
