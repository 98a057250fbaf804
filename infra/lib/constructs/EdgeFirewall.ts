import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { EdgeRateLimit } from '../stageConfig.ts';

interface EdgeFirewallProps {
  /** Path prefixes (e.g. `/public/`) whose requests the rate-based rule counts, per viewer IP. */
  readonly rateLimitedPathPrefixes: readonly [string, ...string[]];
  readonly rateLimit: EdgeRateLimit;
  /** Prefix of the CloudWatch metric names of the ACL and its rules (e.g. `socle-prod`). */
  readonly metricPrefix: string;
}

/**
 * The same body as the API's own 429 (functions/src/middleware/errorMapper.ts): a client cannot
 * tell, and need not care, which layer refused it.
 */
const TOO_MANY_REQUESTS_BODY = {
  error: 'too_many_requests',
  message: 'Trop de requêtes : réessayez plus tard / too many requests',
};

/**
 * AWS managed rule groups, in evaluation order after the rate rule. All block: the distribution
 * serves a static SPA and small JSON requests, where these groups have few false positives.
 * `NoUserAgent_HEADER` only counts: an employer's script checking a credential may send no
 * User-Agent, and the rate rule and the per-client quota already bound what it can do.
 */
const managedRuleGroups: readonly { readonly name: string; readonly countOnly?: readonly string[] }[] = [
  // IPs Amazon threat intelligence saw in bots and attacks.
  { name: 'AWSManagedRulesAmazonIpReputationList' },
  // Request patterns known to exploit vulnerabilities (Log4j, Java deserialization, …).
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
  // OWASP-style core rules: oversized bodies and query strings, XSS, path traversal, SSRF.
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['NoUserAgent_HEADER'] },
];

/**
 * The web ACL of the CloudFront distribution (scope CLOUDFRONT: it must be created in us-east-1).
 * First a rate-based rule per viewer IP on the public verification paths, with the API's 429 body
 * and a Retry-After, then AWS managed rule groups. Everything else is allowed. CloudWatch metrics
 * and sampled requests are on for the ACL and for each rule.
 */
class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL;
  /** ARN of the web ACL, what a CloudFront distribution's `webAclId` takes. */
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`,
    });

    // URL-decoded first, so that `/%70ublic/…` is counted as `/public/…`.
    const startsWith = (prefix: string): CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
      },
    });
    const [first, ...others] = props.rateLimitedPathPrefixes;
    const publicPaths: CfnWebACL.StatementProperty = others.length
      ? { orStatement: { statements: props.rateLimitedPathPrefixes.map(startsWith) } }
      : startsWith(first);

    const rateRule: CfnWebACL.RuleProperty = {
      name: 'PublicPathsRateLimit',
      priority: 0,
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit: props.rateLimit.limit,
          evaluationWindowSec: props.rateLimit.windowSeconds,
          scopeDownStatement: publicPaths,
        },
      },
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            customResponseBodyKey: 'tooManyRequests',
            // WAF lifts the block once the client's rate over the window is under the limit again.
            responseHeaders: [{ name: 'Retry-After', value: String(props.rateLimit.windowSeconds) }],
          },
        },
      },
      visibilityConfig: visibility('public-rate-limit'),
    };

    const managedRules = managedRuleGroups.map(
      ({ name, countOnly = [] }, index): CfnWebACL.RuleProperty => ({
        name: `AWS-${name}`,
        priority: index + 1,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name,
            ...(countOnly.length
              ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
              : {}),
          },
        },
        visibilityConfig: visibility(name),
      }),
    );

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      description: 'Socle web distribution: rate limit of the public paths, AWS managed rules',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        tooManyRequests: { contentType: 'APPLICATION_JSON', content: JSON.stringify(TOO_MANY_REQUESTS_BODY) },
      },
      rules: [rateRule, ...managedRules],
      visibilityConfig: visibility('web-acl'),
    });
    this.webAclArn = this.webAcl.attrArn;
  }
}

export type { EdgeFirewallProps };
export { EdgeFirewall, managedRuleGroups };
