import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { BehaviorOptions } from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** An HTTP API served on the site's domain, under some paths. */
interface PublicApiOrigin {
  /** Host of the API (`<id>.execute-api.<region>.amazonaws.com`). */
  readonly domainName: string;
  /** CloudFront path patterns sent to the API, e.g. `/public/*`. */
  readonly pathPatterns: readonly string[];
  /**
   * A header CloudFront adds to every request it sends to the API, carrying a secret: the API
   * trusts `CloudFront-Viewer-Address` only on requests that bear it.
   */
  readonly originSecretHeader: { readonly name: string; readonly value: string };
}

interface WebHostingProps {
  /**
   * The static build of the web app (`web/build`). Without it, only `config.json` is deployed (and
   * synth still works, e.g. in CI before the web build).
   * @default - no site files
   */
  readonly buildDir?: string;
  /** Origins the app calls from the browser (API, Cognito): the CSP `connect-src`. */
  readonly connectSources: readonly string[];
  readonly accessLogExpiration: Duration;
  /** Retention of the deployment function's logs. */
  readonly logRetention: RetentionDays;
  /** @default - the distribution serves the SPA only */
  readonly publicApi?: PublicApiOrigin;
  /** ARN of the web ACL (scope CLOUDFRONT, in us-east-1) of the distribution. @default - none */
  readonly webAclArn?: string;
}

/** Pages of the build rendered at build time (`verifier.html`): their path without `.html`. */
const prerenderedPages = (buildDir: string): Record<string, string> => {
  const pages: Record<string, string> = {};
  for (const file of readdirSync(buildDir, { recursive: true, encoding: 'utf8' })) {
    const path = `/${file.split(sep).join('/')}`;
    if (!path.endsWith('.html') || path === '/index.html') continue;
    pages[path.replace(/(\/index)?\.html$/, '')] = path;
  }
  return pages;
};

/**
 * The SPA fallback, as a CloudFront Function on the site's behaviour (viewer request): a
 * prerendered page's path serves its HTML, any other path without a file extension serves
 * `index.html`, and the client router takes over. Distribution-wide error responses (403/404 →
 * index.html) would also rewrite the API's 404s and the WAF's 403s into the app's HTML.
 * Written for the cloudfront-js-2.0 runtime.
 */
const spaRoutingCode = (pages: Readonly<Record<string, string>>) => `var pages = ${JSON.stringify(pages)};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (Object.prototype.hasOwnProperty.call(pages, uri)) {
    request.uri = pages[uri];
  } else if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;

/** Hashes of the inline scripts of the built pages (SvelteKit bootstraps with one), for the CSP. */
const inlineScriptHashes = (buildDir: string): string[] => {
  const htmlFiles = readdirSync(buildDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.html'),
  );
  const hashes = new Set<string>();
  for (const file of htmlFiles) {
    const html = readFileSync(join(buildDir, file), 'utf8');
    for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const body = match[1] ?? '';
      if (body.trim()) hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    }
  }
  return [...hashes].sort();
};

const contentSecurityPolicy = (scriptSources: readonly string[], connectSources: readonly string[]) =>
  [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptSources].join(' ')}`,
    // Svelte renders `style` attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The SPA's hosting: a private, versioned S3 bucket read by CloudFront through Origin Access
 * Control, security headers on every response, and SPA fallback (unknown paths serve
 * `index.html`, the client router takes over). S3 and CloudFront access logs go to a log bucket.
 * With `publicApi`, the same distribution also serves that API under its paths, uncached; with
 * `webAclArn`, a WAF web ACL filters every request.
 */
class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<id>.cloudfront.net`, no trailing slash. */
  readonly url: string;
  private readonly buildDir: string | undefined;
  private readonly logRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.buildDir = props.buildDir;
    this.logRetention = props.logRetention;

    const logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: props.accessLogExpiration }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging its own access would log the logging.',
    });

    // RETAIN in every stage: a non-empty bucket cannot be deleted by CloudFormation anyway.
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const scriptSources = props.buildDir ? inlineScriptHashes(props.buildDir) : [];
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Socle web: CSP, HSTS and friends',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(scriptSources, props.connectSources),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const spaRouting = new CloudFrontFunction(this, 'SpaRouting', {
      comment: 'Socle web: SPA fallback to index.html, prerendered pages',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(spaRoutingCode(props.buildDir ? prerenderedPages(props.buildDir) : {})),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Socle web',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: props.publicApi ? this.publicApiBehaviors(props.publicApi, headers) : undefined,
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Staff work from France and its overseas regions, and travel; no geo restriction.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'Default *.cloudfront.net certificate (no custom domain yet): its TLS policy is fixed.',
      },
    );
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: 'No web ACL given: static files only, the API is throttled at API Gateway.',
      });
    }
  }

  /**
   * The API's behaviours: never cached (a revocation shows at once), every method, and to the
   * origin only what the API reads, plus the viewer's address. Never the viewer's Host header:
   * API Gateway routes on its own host name.
   */
  private publicApiBehaviors(
    api: PublicApiOrigin,
    responseHeadersPolicy: ResponseHeadersPolicy,
  ): Record<string, BehaviorOptions> {
    const origin = new HttpOrigin(api.domainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [api.originSecretHeader.name]: api.originSecretHeader.value },
    });
    const originRequestPolicy = new OriginRequestPolicy(this, 'PublicApiRequests', {
      comment: 'Socle public API: body type, query, viewer address; not the Host header',
      headerBehavior: OriginRequestHeaderBehavior.allowList(
        'Accept',
        'Content-Type',
        'CloudFront-Viewer-Address',
      ),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    const behavior: BehaviorOptions = {
      origin,
      // A redirect would turn a POST into a GET and lose its body.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy,
      responseHeadersPolicy,
    };
    return Object.fromEntries(api.pathPatterns.map((pattern) => [pattern, behavior]));
  }

  /**
   * Uploads the build (if any) and `config.json`, the runtime configuration the app fetches at
   * startup. Hashed assets are cached for a year; everything else is revalidated on each load.
   * Files are never pruned: a tab opened before a deploy still finds its chunks.
   */
  deploy(runtimeConfig: Readonly<Record<string, unknown>>): void {
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: this.logRetention });
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the web build to the site bucket',
    });
    logGroup.grantWrite(role);
    const common = { destinationBucket: this.bucket, prune: false, memoryLimit: 512, logGroup, role };

    let immutable: BucketDeployment | undefined;
    if (this.buildDir) {
      immutable = new BucketDeployment(this, 'DeployImmutable', {
        ...common,
        sources: [Source.asset(this.buildDir)],
        exclude: ['*'],
        include: ['_app/immutable/*'],
        cacheControl: [
          CacheControl.setPublic(),
          CacheControl.maxAge(Duration.days(365)),
          CacheControl.immutable(),
        ],
      });
    }
    const site = new BucketDeployment(this, 'DeploySite', {
      ...common,
      sources: [
        ...(this.buildDir ? [Source.asset(this.buildDir)] : []),
        Source.jsonData('config.json', runtimeConfig),
      ],
      exclude: ['_app/immutable/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    if (immutable) site.node.addDependency(immutable);

    // The copy function and its permissions are CDK's (BucketDeployment); only acknowledged here.
    const stack = Stack.of(this);
    const siteBucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    // cdk-nag names pseudo parameters `<AWS::…>`; a stack with an explicit region has literals.
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    const copyPermissions: [string, string][] = [
      ['Action::s3:GetObject*', 'reads the uploaded build from the CDK asset bucket'],
      ['Action::s3:GetBucket*', 'reads the uploaded build from the CDK asset bucket'],
      ['Action::s3:List*', 'lists the asset and site buckets to sync them'],
      ['Action::s3:DeleteObject*', 'replaces objects in the site bucket only'],
      ['Action::s3:Abort*', 'aborts its multipart uploads to the site bucket'],
      [
        `Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*`,
        'the CDK bootstrap asset bucket (default qualifier) holds the zipped build',
      ],
      [`Resource::<${siteBucketId}.Arn>/*`, 'writes any object of the site bucket'],
      ['Resource::*', 'CloudFront invalidation actions support no resource-level permissions'],
    ];
    for (const [finding, reason] of copyPermissions) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `BucketDeployment ${reason}.`,
      });
    }
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason: "Runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib, not by us.",
        });
      }
    }
  }
}

export type { PublicApiOrigin, WebHostingProps };
export { prerenderedPages, spaRoutingCode, WebHosting };
