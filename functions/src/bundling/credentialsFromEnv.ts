/**
 * Replaces `@aws-sdk/credential-provider-node` in Lambda bundles only (infra/lib/lambdaBundling.ts):
 * Lambda hands the execution role's credentials over in `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, so of the default chain (environment, SSO, ini
 * files, credential process, web identity, container and instance metadata, with the STS and SSO
 * clients they carry) only the first link ever runs there. The rest is ~130 KB of minified code
 * per bundle. The local stack and the tests run from source and keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { FromEnvInit } from '@aws-sdk/credential-provider-env';

/** The SDK clients' `credentialDefaultProvider`: the environment link of the default chain. */
const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);

export { defaultProvider };
