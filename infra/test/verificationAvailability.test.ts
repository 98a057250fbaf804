/**
 * Public verification stays available under a flood (issue 14), as synthesized: each client meets
 * its own limits before the one limit every viewer shares. The WAF's rate-based rule per viewer IP
 * comes first at the edge; the verification API's stage throttle is a ceiling far above what a few
 * hundred IPs at that limit can send; and since the stages have no API custom domain (so the
 * execute-api URL cannot be disabled), the verification function holds CloudFront's origin secret
 * and refuses whatever lacks it (functions/src/edgeOnly.ts).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { ORIGIN_SECRET_ARN_ENV } from '@socle/functions/clientAddress';
import { beforeAll, describe, expect, it } from 'vitest';
import { stages } from '../bin/stages.ts';
import type { EdgeStack } from '../lib/EdgeStack.ts';
import type { StatelessStack } from '../lib/StatelessStack.ts';
import { logicalId, socleApp } from './fixtures.ts';

/** Bot IPs each sending at the WAF's limit that the shared ceiling must absorb without throttling. */
const BOT_IPS = 500;

describe('Public verification availability (prod)', () => {
  let stack: StatelessStack;
  let edge: EdgeStack;
  let template: Template;

  beforeAll(() => {
    ({ stateless: stack, edge } = socleApp({ stage: 'prod' }));
    template = Template.fromStack(stack);
  });

  it('counts requests per viewer IP at the edge before any other rule, on the verification paths', () => {
    // Prepare
    const [acl] = Object.values(Template.fromStack(edge).findResources('AWS::WAFv2::WebACL'));
    const rules = (acl?.Properties.Rules ?? []) as { Priority: number; Statement: Record<string, unknown> }[];
    const first = [...rules].sort((a, b) => a.Priority - b.Priority)[0];
    // Assess
    expect(first?.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'IP',
      Limit: stages.prod.edgeRateLimit.limit,
      EvaluationWindowSec: stages.prod.edgeRateLimit.windowSeconds,
    });
    const scope = JSON.stringify(first?.Statement.RateBasedStatement);
    expect(scope).toContain('"/public/"');
    expect(scope).toContain('"/.well-known/"');
  });

  it("sets the verification API's shared throttle far above what the per-IP rule lets a few hundred IPs send", () => {
    // Prepare
    const publicStages = template.findResources('AWS::ApiGatewayV2::Stage', {
      Properties: { ApiId: { Ref: logicalId(stack.publicApi.api) } },
    });
    const [stage] = Object.values(publicStages);
    const { limit, windowSeconds } = stages.prod.edgeRateLimit;
    // Assess
    expect(Object.keys(publicStages)).toHaveLength(1);
    expect(stage?.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 1000,
      ThrottlingBurstLimit: 2000,
    });
    expect(stage?.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThanOrEqual(
      (BOT_IPS * limit) / windowSeconds,
    );
  });

  it('keeps the execute-api URL (no API custom domain), so the verification function checks the origin secret', () => {
    // Prepare
    const api = template.toJSON().Resources[logicalId(stack.publicApi.api)];
    const variables =
      template.toJSON().Resources[logicalId(stack.functions.verification)].Properties.Environment.Variables;
    // Assess: were a custom domain added, disableExecuteApiEndpoint would replace the secret check.
    expect(template.findResources('AWS::ApiGatewayV2::DomainName')).toEqual({});
    expect(api.Properties.DisableExecuteApiEndpoint).toBeUndefined();
    expect(variables[ORIGIN_SECRET_ARN_ENV]).toEqual({ Ref: expect.stringMatching(/^OriginSecret/) });
  });
});
