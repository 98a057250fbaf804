import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerenderedPages, spaRoutingCode, WebHosting } from '../lib/constructs/WebHosting.ts';
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
    // A page rendered at build time (SvelteKit's `prerender`).
    writeFileSync(join(buildDir, 'verifier.html'), '<!doctype html><html><body>Vérifier</body></html>');
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

  it('routes the site through the SPA function, a viewer-request function on the site only', () => {
    expect(template).toHaveResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: spaRoutingCode({ '/verifier': '/verifier.html' }),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    expect(template).toHaveResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CustomErrorResponses: Match.absent(),
        CacheBehaviors: Match.absent(),
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
      }),
    });
  });
});

describe('Function: spaRoutingCode', () => {
  /** Runs the function's code as CloudFront would, on a request for `uri`; returns the new URI. */
  const route = (uri: string, pages: Record<string, string> = { '/verifier': '/verifier.html' }) => {
    const handler = new Function(`${spaRoutingCode(pages)}\nreturn handler;`)() as (event: unknown) => {
      uri: string;
    };
    return handler({ request: { uri, method: 'GET', headers: {} } }).uri;
  };

  it('serves a prerendered page for its path', () => {
    expect(route('/verifier')).toBe('/verifier.html');
  });
  it('serves index.html for the root and for client-side routes', () => {
    expect(route('/')).toBe('/index.html');
    expect(route('/verifier/CLEA-7QX4-M2KD-9PZB-K')).toBe('/index.html');
    expect(route('/dossiers/d-1/evaluations')).toBe('/index.html');
  });
  it('leaves files alone, found or not', () => {
    expect(route('/config.json')).toBe('/config.json');
    expect(route('/_app/immutable/entry/start.js')).toBe('/_app/immutable/entry/start.js');
    expect(route('/_app/immutable/gone.js')).toBe('/_app/immutable/gone.js');
  });
});

describe('Function: prerenderedPages', () => {
  it('lists the HTML pages of a build but the fallback, by path', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'socle-web-pages-'));
    mkdirSync(join(dir, 'aide'));
    for (const file of ['index.html', 'verifier.html', join('aide', 'index.html'), 'robots.txt']) {
      writeFileSync(join(dir, file), '');
    }
    // Act
    const pages = prerenderedPages(dir);
    rmSync(dir, { recursive: true, force: true });
    // Assess
    expect(pages).toEqual({ '/verifier': '/verifier.html', '/aide': '/aide/index.html' });
  });
});

describe('Class: WebHosting (public API, web ACL)', () => {
  let template: Template;

  beforeAll(() => {
    // Prepare
    const stack = bareStack();
    // Act
    new WebHosting(stack, 'Web', {
      connectSources: [],
      accessLogExpiration: Duration.days(30),
      logRetention: RetentionDays.ONE_WEEK,
      publicApi: {
        domainName: 'abc123.execute-api.eu-west-3.amazonaws.com',
        pathPatterns: ['/public/*', '/.well-known/*'],
        originSecretHeader: { name: 'x-origin-secret', value: 'not-a-real-secret' },
      },
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/socle/1',
    });
    template = Template.fromStack(stack);
  });

  it('associates the web ACL with the distribution', () => {
    expect(template).toHaveResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/socle/1',
      }),
    });
  });

  it('sends the API paths to the API over HTTPS with the secret header, never cached', () => {
    // Prepare
    const apiOrigin = Match.objectLike({
      DomainName: 'abc123.execute-api.eu-west-3.amazonaws.com',
      CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
      OriginCustomHeaders: [{ HeaderName: 'x-origin-secret', HeaderValue: 'not-a-real-secret' }],
    });
    const uncached = (pathPattern: string) =>
      Match.objectLike({
        PathPattern: pathPattern,
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        FunctionAssociations: Match.absent(),
      });
    // Assess
    expect(template).toHaveResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([apiOrigin]),
        CacheBehaviors: [uncached('/public/*'), uncached('/.well-known/*')],
      }),
    });
  });

  it('forwards the body type, the query and the viewer address, not the Host header', () => {
    expect(template).toHaveResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: Match.objectLike({
        HeadersConfig: {
          HeaderBehavior: 'whitelist',
          Headers: ['Accept', 'Content-Type', 'CloudFront-Viewer-Address'],
        },
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
      }),
    });
  });
});
