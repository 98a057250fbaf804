/**
 * The integration harness: a fresh table in the shared DynamoDB Local, the real local server (route
 * table → API Gateway v2 event → the Lambda handlers) on a free loopback port, and real JWTs signed by
 * an in-memory dev issuer.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, findLogin, loginItemOf, tableName as dataTableName } from '@socle/data';
import type { Login } from '@socle/data';
import { createDevIssuer } from '@socle/tooling/local/devIssuer';
import type { DevIssuer } from '@socle/tooling/local/devIssuer';
import { createLocalServer } from '@socle/tooling/local/server';
import { ensureTable, freePort } from '@socle/testing';
import { inject } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in tests
interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

interface TestApi {
  url: string;
  issuer: DevIssuer;
  tableName: string;
  /**
   * An access token for a login, as the token trigger would issue for it. The API checks every token
   * against its login item, so the login is written (a new one) or granted the token's roles and
   * organisms (an existing one of the same network); the login's own tokens stay as they were.
   */
  tokenFor(login: Partial<Login> & Pick<Login, 'userId' | 'roles'>): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: see ApiResponse
  call<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

/** Makes the login item back a token with these claims (see `TestApi.tokenFor`). */
const backLogin = async (login: Login): Promise<Login> => {
  const existing = await findLogin(login.userId);
  if (existing && (existing.tenantId ?? '') !== (login.tenantId ?? '')) {
    throw new Error(`tokenFor: login ${login.userId} belongs to another network than the token says`);
  }
  const backed: Login = existing
    ? {
        ...existing,
        roles: union(existing.roles, login.roles),
        organisms: union(existing.organisms, login.organisms),
      }
    : login;
  await db().send(new PutCommand({ TableName: dataTableName(), Item: loginItemOf(backed) }));
  return { ...backed, roles: login.roles, organisms: login.organisms };
};

const startTestApi = async ({
  allowedOrigins = ['http://127.0.0.1:5173'],
  // A test that stalls its database (test/integration/dynamoOutage.test.ts) brings its own.
  dynamoEndpoint = inject('dynamoEndpoint'),
} = {}): Promise<TestApi> => {
  const endpoint = dynamoEndpoint;
  const tableName = `socle_${randomUUID().slice(0, 8)}`;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = tableName;
  process.env.AWS_REGION = 'eu-west-3';
  // Public verification in tests: a generous limit (test/integration/certificates.test.ts lowers it).
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ??= '1000';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.LOG_LEVEL = 'SILENT';
  await ensureTable(endpoint, tableName);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const issuer = await createDevIssuer({ issuer: `${url}/dev-auth` });
  const server: Server = createLocalServer({ issuer, allowedOrigins });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

  return {
    url,
    issuer,
    tableName,
    tokenFor: async (login) =>
      issuer.issueAccessToken(
        await backLogin({
          email: `${login.userId.toLowerCase()}@test.local`,
          name: 'Test User',
          organisms: [],
          status: 'active',
          ...login,
        } as Login),
      ),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // non-JSON bodies stay text
      }
      // biome-ignore lint/suspicious/noExplicitAny: see ApiResponse
      return { status: response.status, body: parsed as any, headers: response.headers };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export type { ApiResponse, TestApi };
export { startTestApi };
