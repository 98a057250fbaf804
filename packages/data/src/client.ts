/**
 * The DynamoDB document clients of a process, created lazily (the endpoint is read from the env for
 * DynamoDB Local): the function's own, signed with its execution role, and one per tenant for the
 * requests of a tenant route, signed with tenant-scoped credentials.
 *
 * Tenant-scoped credentials: the route wrapper calls `scopeCredentialsToTenant` once it knows the
 * caller's network (from the verified token); from then on in that request `db()` is the tenant's
 * client. In AWS its credentials come from assuming the function's tenant role (`TENANT_ROLE_ARN`,
 * set by infra) with the session tag `tenantId`: that role's policy allows the tenant partitions
 * only as `T#${aws:PrincipalTag/tenantId}…` (`dynamodb:LeadingKeys`), so a handler bug that builds
 * another network's key is refused by IAM, not only by the data layer. One STS call per tenant per
 * container: the SDK keeps the credentials and renews them before they expire (1 h). Locally the
 * same clients are made with DynamoDB Local's static credentials (no STS, no IAM).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { awsClientConfig } from './awsClientConfig.ts';
import { TENANT_ROLE_ARN_ENV, TENANT_SESSION_TAG } from './tenantSession.ts';

/** Tenants whose client a container keeps; the least recently used goes first beyond. */
const MAX_TENANT_CLIENTS = 100;
const TENANT_SESSION_SECONDS = 3600;

/** DynamoDB Local accepts any credentials; fixed ones keep one shared database. */
const localCredentials: AwsCredentialIdentity = { accessKeyId: 'local', secretAccessKey: 'local' };

const createDocumentClient = (
  endpoint = process.env.DYNAMODB_ENDPOINT,
  credentials?: AwsCredentialIdentityProvider,
): DynamoDBDocumentClient => {
  // Timeouts and bounded retries, also against DynamoDB Local: a stall fails fast everywhere.
  const client = new DynamoDBClient(
    endpoint
      ? {
          ...awsClientConfig(),
          endpoint,
          region: process.env.AWS_REGION ?? 'eu-west-3',
          credentials: localCredentials,
        }
      : { ...awsClientConfig(), ...(credentials && { credentials }) },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
};

/** Sees every document client of the process, present and future (tests record their requests). */
type ClientObserver = (client: DynamoDBDocumentClient, tenantId: string | undefined) => void;
const observers = new Set<ClientObserver>();

let functionClient: DynamoDBDocumentClient | undefined;
const tenantClients = new Map<string, DynamoDBDocumentClient>();

const created = (client: DynamoDBDocumentClient, tenantId?: string) => {
  for (const observe of observers) observe(client, tenantId);
  return client;
};

/** Credentials of the tenant role's session tagged with `tenantId`, renewed by the SDK. */
const tenantRoleCredentials = (roleArn: string, tenantId: string): AwsCredentialIdentityProvider => {
  const sts = new STSClient(awsClientConfig());
  return async () => {
    const { Credentials: issued } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
        Tags: [{ Key: TENANT_SESSION_TAG, Value: tenantId }],
        DurationSeconds: TENANT_SESSION_SECONDS,
      }),
    );
    if (!issued?.AccessKeyId || !issued.SecretAccessKey) throw new Error('STS issued no credentials');
    return {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      sessionToken: issued.SessionToken,
      expiration: issued.Expiration,
    };
  };
};

/** The tenant's client, kept per container (a Map in insertion order: the oldest use first). */
const tenantClient = (tenantId: string, roleArn: string | undefined): DynamoDBDocumentClient => {
  const kept = tenantClients.get(tenantId);
  if (kept) {
    tenantClients.delete(tenantId);
    tenantClients.set(tenantId, kept);
    return kept;
  }
  if (tenantClients.size >= MAX_TENANT_CLIENTS) {
    const oldest = tenantClients.keys().next().value as string;
    tenantClients.get(oldest)?.destroy();
    tenantClients.delete(oldest);
  }
  const client = created(
    createDocumentClient(
      process.env.DYNAMODB_ENDPOINT,
      roleArn ? tenantRoleCredentials(roleArn, tenantId) : undefined,
    ),
    tenantId,
  );
  tenantClients.set(tenantId, client);
  return client;
};

const tenantOfRequest = new AsyncLocalStorage<string>();

/**
 * From here on in the current request (its async continuation), `db()` is the tenant's client. Called
 * once by the route wrapper after verifying the token of a tenant route. `enterWith` rather than
 * `run` so the wrapper needs no nesting: it reaches only what this request awaits, never the caller.
 */
const scopeCredentialsToTenant = (tenantId: string): void => tenantOfRequest.enterWith(tenantId);

/** Runs `work` with the tenant's client (tools and tests; requests use scopeCredentialsToTenant). */
const withTenantCredentials = <T>(tenantId: string, work: () => T): T => tenantOfRequest.run(tenantId, work);

/**
 * The client for the current request: the tenant's inside a tenant route, where a tenant role
 * exists (AWS: the function has one) or locally; otherwise the function's own.
 */
const db = (): DynamoDBDocumentClient => {
  const tenantId = tenantOfRequest.getStore();
  const roleArn = process.env[TENANT_ROLE_ARN_ENV];
  if (tenantId !== undefined && (roleArn || process.env.DYNAMODB_ENDPOINT)) {
    return tenantClient(tenantId, roleArn);
  }
  functionClient ??= created(createDocumentClient());
  return functionClient;
};

/** Calls `observer` with every client made so far and every one made later; returns the unsubscribe. */
const observeDocumentClients = (observer: ClientObserver): (() => void) => {
  observers.add(observer);
  if (functionClient) observer(functionClient, undefined);
  for (const [tenantId, client] of tenantClients) observer(client, tenantId);
  return () => observers.delete(observer);
};

export type { ClientObserver };
export {
  TENANT_ROLE_ARN_ENV,
  TENANT_SESSION_TAG,
  createDocumentClient,
  db,
  observeDocumentClients,
  scopeCredentialsToTenant,
  withTenantCredentials,
};
