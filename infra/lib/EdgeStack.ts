import { Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeFirewall } from './constructs/EdgeFirewall.ts';
import type { EdgeRateLimit } from './stageConfig.ts';

/** CloudFront's web ACLs must be created in us-east-1, whatever the region of the distribution's stack. */
const EDGE_REGION = 'us-east-1';

interface EdgeStackProps extends Omit<StackProps, 'env'> {
  readonly rateLimit: EdgeRateLimit;
  /** Path prefixes of the public API behind the distribution (what the rate rule counts). */
  readonly publicPathPrefixes: readonly [string, ...string[]];
  /** Prefix of the WAF metric names. */
  readonly metricPrefix: string;
}

/**
 * The web ACL of the web distribution, alone in us-east-1. The stateless stack reads its ARN
 * through a cross-region reference: with the app's `weak` reference strength, CDK renders it as
 * `Fn::GetStackOutput` with this stack's region (no export, no custom resource; the
 * `crossRegionReferences` flag only matters for strong references).
 */
class EdgeStack extends Stack {
  readonly firewall: EdgeFirewall;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { region: EDGE_REGION } });
    this.firewall = new EdgeFirewall(this, 'Firewall', {
      rateLimitedPathPrefixes: props.publicPathPrefixes,
      rateLimit: props.rateLimit,
      metricPrefix: props.metricPrefix,
    });
  }
}

export type { EdgeStackProps };
export { EDGE_REGION, EdgeStack };
