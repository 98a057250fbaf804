import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { stages } from '../bin/stages.ts';
import { EdgeFirewall, managedRuleGroups } from '../lib/constructs/EdgeFirewall.ts';
import type { EdgeStack } from '../lib/EdgeStack.ts';
import { bareStack, socleApp } from './fixtures.ts';

/** The statement matching a URI path that starts with `prefix`, URL-decoded first. */
const pathStartsWith = (prefix: string) => ({
  ByteMatchStatement: {
    FieldToMatch: { UriPath: {} },
    PositionalConstraint: 'STARTS_WITH',
    SearchString: prefix,
    TextTransformations: [{ Priority: 0, Type: 'URL_DECODE' }],
  },
});

describe('Class: EdgeStack', () => {
  let edge: EdgeStack;
  let template: Template;
  /** The rules of the one web ACL, by name. */
  let rules: Record<string, Record<string, unknown>>;

  beforeAll(() => {
    ({ edge } = socleApp({ stage: 'prod' }));
    template = Template.fromStack(edge);
    const [acl] = Object.values(template.findResources('AWS::WAFv2::WebACL'));
    const aclRules: { Name: string }[] = acl?.Properties.Rules ?? [];
    rules = Object.fromEntries(aclRules.map((rule) => [rule.Name, rule]));
  });

  it('lives in us-east-1 and holds one web ACL for CloudFront, allowing by default', () => {
    expect(edge.region).toBe('us-east-1');
    expect(template).toHaveResourceCount('AWS::WAFv2::WebACL', 1);
    expect(template).toHaveResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: {
        CloudWatchMetricsEnabled: true,
        SampledRequestsEnabled: true,
        MetricName: 'socle-prod-web-acl',
      },
    });
  });

  it('limits each IP on the public paths with the limit of the stage config, first', () => {
    expect(rules.PublicPathsRateLimit).toMatchObject({
      Priority: 0,
      Statement: {
        RateBasedStatement: {
          AggregateKeyType: 'IP',
          Limit: stages.prod.edgeRateLimit.limit,
          EvaluationWindowSec: stages.prod.edgeRateLimit.windowSeconds,
          ScopeDownStatement: {
            OrStatement: { Statements: [pathStartsWith('/public/'), pathStartsWith('/.well-known/')] },
          },
        },
      },
    });
  });

  it('answers a limited client 429 with Retry-After and the API’s own JSON body', () => {
    // Prepare
    const acl =
      template.toJSON().Resources[Object.keys(template.findResources('AWS::WAFv2::WebACL'))[0] as string];
    // Assess
    expect(rules.PublicPathsRateLimit?.Action).toEqual({
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: 'tooManyRequests',
          ResponseHeaders: [{ Name: 'Retry-After', Value: String(stages.prod.edgeRateLimit.windowSeconds) }],
        },
      },
    });
    expect(acl.Properties.CustomResponseBodies.tooManyRequests.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(acl.Properties.CustomResponseBodies.tooManyRequests.Content)).toEqual({
      error: 'too_many_requests',
      message: expect.any(String),
    });
  });

  it.each(managedRuleGroups.map((group) => [group.name, group] as const))(
    'applies the AWS managed rule group %s after the rate rule, blocking',
    (name, group) => {
      expect(rules[`AWS-${name}`]).toMatchObject({
        Priority: managedRuleGroups.indexOf(group) + 1,
        OverrideAction: { None: {} },
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
        VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
      });
    },
  );

  it('uses the IP reputation, known bad inputs and core rule sets', () => {
    expect(managedRuleGroups.map((group) => group.name)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesCommonRuleSet',
    ]);
  });

  it('only counts requests without a User-Agent (scripts checking credentials)', () => {
    expect(rules['AWS-AWSManagedRulesCommonRuleSet']).toMatchObject({
      Statement: {
        ManagedRuleGroupStatement: {
          RuleActionOverrides: [{ Name: 'NoUserAgent_HEADER', ActionToUse: { Count: {} } }],
        },
      },
    });
  });

  it('turns CloudWatch metrics and sampled requests on for every rule', () => {
    expect(Object.keys(rules)).toHaveLength(1 + managedRuleGroups.length);
    for (const rule of Object.values(rules)) {
      expect(rule.VisibilityConfig).toEqual({
        CloudWatchMetricsEnabled: true,
        SampledRequestsEnabled: true,
        MetricName: expect.stringMatching(/^socle-prod-/),
      });
    }
  });
});

describe('Class: EdgeFirewall', () => {
  it('scopes the rate rule with the one statement when there is one prefix', () => {
    // Prepare
    const stack = bareStack();
    // Act
    new EdgeFirewall(stack, 'Firewall', {
      rateLimitedPathPrefixes: ['/public/'],
      rateLimit: { limit: 50, windowSeconds: 60 },
      metricPrefix: 'test',
    });
    // Assess
    expect(Template.fromStack(stack)).toHaveResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: {
            RateBasedStatement: {
              AggregateKeyType: 'IP',
              Limit: 50,
              EvaluationWindowSec: 60,
              ScopeDownStatement: pathStartsWith('/public/'),
            },
          },
        }),
      ]),
    });
  });
});
