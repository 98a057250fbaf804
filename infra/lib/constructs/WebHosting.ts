import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

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
}

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
      },
      // S3 answers 403 for a missing key (no ListBucket); both mean "a client-side route".
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
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
        id: 'AwsSolutions-CFR2',
        reason: 'Static files only; the API is throttled at API Gateway. WAF to revisit with traffic.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'Default *.cloudfront.net certificate (no custom domain yet): its TLS policy is fixed.',
      },
    );
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
    const copyPermissions: [string, string][] = [
      ['Action::s3:GetObject*', 'reads the uploaded build from the CDK asset bucket'],
      ['Action::s3:GetBucket*', 'reads the uploaded build from the CDK asset bucket'],
      ['Action::s3:List*', 'lists the asset and site buckets to sync them'],
      ['Action::s3:DeleteObject*', 'replaces objects in the site bucket only'],
      ['Action::s3:Abort*', 'aborts its multipart uploads to the site bucket'],
      [
        'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
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

export type { WebHostingProps };
export { WebHosting };
