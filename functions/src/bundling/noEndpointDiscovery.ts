/**
 * Replaces `@aws-sdk/middleware-endpoint-discovery` in Lambda bundles only
 * (infra/lib/lambdaBundling.ts). DynamoDB's endpoint discovery is off unless configured, and Socle
 * never configures it; yet every client would build its endpoint cache (an LRU from mnemonist),
 * ~9 KB per bundle. No DynamoDB command adds the discovery middleware: only the client's
 * configuration reads these two exports, so discovery stays off with them as here.
 */
interface DiscoveryInput {
  endpointDiscoveryEnabled?: boolean;
}

const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};

const resolveEndpointDiscoveryConfig = <T extends DiscoveryInput>(
  input: T,
  { endpointDiscoveryCommandCtor }: { endpointDiscoveryCommandCtor: unknown },
) => {
  if (input.endpointDiscoveryEnabled) {
    throw new Error('endpoint discovery is not bundled in Socle Lambdas (see infra/lib/lambdaBundling.ts)');
  }
  return Object.assign(input, {
    endpointDiscoveryCommandCtor,
    endpointDiscoveryEnabled: () => Promise.resolve(false),
    isClientEndpointDiscoveryEnabled: false,
  });
};

export { NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS, resolveEndpointDiscoveryConfig };
