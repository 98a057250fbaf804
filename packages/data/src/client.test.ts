import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh module per test: the clients are kept per process. */
const freshClient = async () => {
  vi.resetModules();
  return import('./client.ts');
};

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
  vi.restoreAllMocks();
});

describe('Tenant-scoped clients, locally (DynamoDB Local)', () => {
  beforeEach(() => {
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
    delete process.env.TENANT_ROLE_ARN;
  });

  it("uses one client per tenant inside a tenant's context, the function's outside", async () => {
    // Prepare
    const { db, withTenantCredentials } = await freshClient();
    // Act
    const own = db();
    const [a, aAgain, b] = [
      withTenantCredentials('A', db),
      withTenantCredentials('A', db),
      withTenantCredentials('B', db),
    ];
    // Assess
    expect(a).toBe(aAgain);
    expect(a).not.toBe(b);
    expect(a).not.toBe(own);
    expect(db()).toBe(own);
  });

  it('keeps the context through what the request awaits, and only there', async () => {
    // Prepare
    const { db, scopeCredentialsToTenant, withTenantCredentials } = await freshClient();
    const own = db();
    const request = async () => {
      await Promise.resolve();
      scopeCredentialsToTenant('A');
      await new Promise((resolve) => setTimeout(resolve, 1));
      return db();
    };
    // Act
    const inRequest = await request();
    // Assess
    expect(inRequest).toBe(withTenantCredentials('A', db));
    expect(db()).toBe(own);
  });

  it('tells an observer of every client, present and future, with its tenant', async () => {
    // Prepare
    const { db, observeDocumentClients, withTenantCredentials } = await freshClient();
    db();
    const seen: (string | undefined)[] = [];
    // Act
    const stop = observeDocumentClients((_client, tenantId) => seen.push(tenantId));
    withTenantCredentials('A', db);
    stop();
    withTenantCredentials('B', db);
    // Assess
    expect(seen).toEqual([undefined, 'A']);
  });

  it('keeps at most 100 tenants, dropping the least recently used', async () => {
    // Prepare
    const { db, withTenantCredentials } = await freshClient();
    const first = withTenantCredentials('T0', db);
    const second = withTenantCredentials('T1', db);
    // Act: T0 used again, then 99 more tenants
    withTenantCredentials('T0', db);
    for (let i = 2; i <= 100; i++) withTenantCredentials(`T${i}`, db);
    // Assess
    expect(withTenantCredentials('T0', db)).toBe(first);
    expect(withTenantCredentials('T1', db)).not.toBe(second);
  });
});

describe('Tenant-scoped clients, in AWS', () => {
  beforeEach(() => {
    delete process.env.DYNAMODB_ENDPOINT;
    process.env.AWS_REGION = 'eu-west-3';
    process.env.TENANT_ROLE_ARN = 'arn:aws:iam::123456789012:role/DossiersTenantRole';
  });

  it('assumes the tenant role once per tenant, with the session tag tenantId', async () => {
    // Prepare
    const send = vi.spyOn(STSClient.prototype, 'send').mockImplementation(async () => ({
      Credentials: {
        AccessKeyId: 'AKIA',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: new Date(Date.now() + 3_600_000),
      },
    }));
    const { db, withTenantCredentials } = await freshClient();
    const client = withTenantCredentials('01TENANT', db);
    const credentials = client.config.credentials as () => Promise<{ accessKeyId: string }>;
    // Act
    const [first, second] = [await credentials(), await credentials()];
    // Assess
    expect(first.accessKeyId).toBe('AKIA');
    expect(second.accessKeyId).toBe('AKIA');
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]?.[0] as AssumeRoleCommand;
    expect(command).toBeInstanceOf(AssumeRoleCommand);
    expect(command.input).toMatchObject({
      RoleArn: 'arn:aws:iam::123456789012:role/DossiersTenantRole',
      RoleSessionName: 'tenant-01TENANT',
      Tags: [{ Key: 'tenantId', Value: '01TENANT' }],
    });
  });

  it("uses the function's own client in a tenant context when the function has no tenant role", async () => {
    // Prepare
    delete process.env.TENANT_ROLE_ARN;
    const { db, withTenantCredentials } = await freshClient();
    // Act / Assess
    expect(withTenantCredentials('01TENANT', db)).toBe(db());
  });
});
