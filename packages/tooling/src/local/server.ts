/**
 * The local API: a plain Node HTTP server that does what API Gateway does in AWS — match the route
 * table, verify the JWT like the JWT authorizer, apply CORS, build the v2 event — and then calls the
 * very same Lambda handlers.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { flattenClaims } from '@socle/functions/claims';
import { timeoutSecondsOf } from '@socle/functions/lambdaTimeouts';
import { lambdas } from '@socle/functions/lambdas';
import { routeKey } from '@socle/contract/routeTypes';
import type { LambdaName, RouteDefinition } from '@socle/contract/routeTypes';
import { routes } from '@socle/contract/routes';
import { toApiGatewayEvent } from './apiGatewayEvent.ts';
import { handleDevAuth } from './devAuthPages.ts';
import { handleDevOutbox } from './devOutbox.ts';
import type { DevIssuer } from './devIssuer.ts';

const MAX_BODY_BYTES = 1024 * 1024;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

const compile = (route: RouteDefinition): CompiledRoute => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
};

/** What Lambda hands a function: its deadline is the deployed timeout's (Middy stops just before it). */
const lambdaContext = (functionName: LambdaName, startedAt = Date.now()): Context => {
  const deadline = startedAt + timeoutSecondsOf(functionName) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  } as Context;
};

interface LocalServerOptions {
  issuer: DevIssuer;
  /** Origins allowed by CORS (the web app's). */
  allowedOrigins: string[];
  /** While it returns a reason (the demo being seeded), every request answers 503 with it. */
  unavailable?: () => string | undefined;
}

const readBody = async (req: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const writeJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** Tokens verified recently; a browser session sends the same one on every call for an hour. */
const VERIFIED_TOKENS_KEPT = 500;

/**
 * The issuer's check, remembered per token until the token expires: a token's signature cannot change,
 * so only its expiry is looked at again (what API Gateway's authorizer costs is not the function's).
 */
const verifiedClaimsOf = (issuer: DevIssuer) => {
  const verified = new Map<string, { claims: Record<string, string>; expiresAtMs: number }>();
  return async (token: string): Promise<Record<string, string>> => {
    const known = verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.claims;
    verified.delete(token);
    const payload = await issuer.verify(token);
    // Stricter than API Gateway, which takes an ID token too (its `aud` is the client): the route
    // wrapper refuses one there (claims.ts); refusing it here as well keeps local 401s the same.
    if (payload.token_use !== 'access') throw new Error('not an access token');
    const claims = flattenClaims(payload);
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
    verified.set(token, { claims, expiresAtMs: (payload.exp ?? 0) * 1000 });
    return claims;
  };
};

const createLocalServer = ({
  issuer,
  allowedOrigins,
  unavailable = () => undefined,
}: LocalServerOptions): Server => {
  const compiled = (routes as readonly RouteDefinition[]).map(compile);
  const verifiedClaims = verifiedClaimsOf(issuer);

  const corsHeaders = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins.includes(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization,content-type,idempotency-key',
      'access-control-allow-methods': 'GET,POST,PATCH,PUT,DELETE,OPTIONS',
      'access-control-expose-headers': 'idempotent-replayed,retry-after',
      'access-control-max-age': '600',
      vary: 'origin',
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    // The browser calls the dev issuer's discovery and token endpoints cross-origin, as it does Cognito's.
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    const reason = unavailable();
    if (reason) {
      writeJson(res, 503, { status: 'unavailable', message: reason }, { 'retry-after': '5' });
      return;
    }
    if (await handleDevAuth(issuer, req, res)) return;
    if (await handleDevOutbox(req, res)) return;

    let match: { entry: CompiledRoute; params: Record<string, string> } | undefined;
    for (const entry of compiled) {
      if (entry.route.method !== req.method) continue;
      const found = entry.pattern.exec(url.pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      match = { entry, params };
      break;
    }
    if (!match) {
      writeJson(res, 404, { message: 'Not Found' }, cors);
      return;
    }
    const { route } = match.entry;

    let claims: Record<string, string> | undefined;
    if (route.scope !== 'public') {
      const header = req.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7) : '';
      try {
        claims = await verifiedClaims(token);
      } catch {
        writeJson(res, 401, { message: 'Unauthorized' }, { ...cors, 'www-authenticate': 'Bearer' });
        return;
      }
    }
    const body = await readBody(req);
    if (body === undefined) {
      writeJson(res, 413, { message: 'Request Entity Too Large' }, cors);
      return;
    }
    const event = toApiGatewayEvent({
      req,
      url,
      body,
      routeKey: routeKey(route),
      pathParameters: match.params,
      claims,
    });
    const result = (await lambdas[route.lambda](
      event,
      lambdaContext(route.lambda),
    )) as APIGatewayProxyStructuredResultV2;
    res.writeHead(result.statusCode ?? 200, {
      ...(result.headers as Record<string, string>),
      ...cors,
      // As API Gateway does: the request id that every log line of the request carries.
      'apigw-requestid': event.requestContext.requestId,
    });
    res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('local server error', error);
      if (!res.headersSent) writeJson(res, 500, { message: 'Internal Server Error' });
      else res.end();
    });
  });
};

export { createLocalServer, lambdaContext };
