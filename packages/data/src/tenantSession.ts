/**
 * The contract between the tenant roles infra creates and the data layer's client that assumes
 * them (packages/data/src/client.ts). Pure: no AWS SDK (CDK loads it).
 */

/** The environment variable naming the role a function assumes per tenant. */
const TENANT_ROLE_ARN_ENV = 'TENANT_ROLE_ARN';

/** The session tag naming the tenant; the role's policy reads it as `${aws:PrincipalTag/tenantId}`. */
const TENANT_SESSION_TAG = 'tenantId';

export { TENANT_ROLE_ARN_ENV, TENANT_SESSION_TAG };
