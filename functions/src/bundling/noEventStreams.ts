/**
 * Replaces `@smithy/core/event-streams` in Lambda bundles only (infra/lib/lambdaBundling.ts). The
 * SDK protocols import it lazily for operations that stream events; DynamoDB, Cognito and Secrets
 * Manager have none, yet esbuild inlines dynamic imports, which cost ~15 KB per bundle. Should a
 * client with event streams be added, its first streaming call fails loudly here.
 */
const notBundled = (): never => {
  throw new Error('event streams are not bundled in Socle Lambdas (see infra/lib/lambdaBundling.ts)');
};

class EventStreamSerde {
  constructor() {
    notBundled();
  }
}

const eventStreamSerdeProvider = notBundled;

export { EventStreamSerde, eventStreamSerdeProvider };
