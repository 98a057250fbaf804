/**
 * Records, in the test process, the DynamoDB requests each Lambda sends: every API handler (and any
 * function run through `servedBy`) runs inside an async context naming it, and a middleware on the
 * data layer's client reads each request as it goes on the wire (its `X-Amz-Target` and JSON body),
 * so what is recorded is what DynamoDB — and IAM — would see.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { observeDocumentClients, tableDefinition } from '@socle/data';
import { lambdas } from '@socle/functions/lambdas';
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/lib-dynamodb';
import type { BuildMiddleware } from '@smithy/types';

/** Who sent a request: the Lambda, and the route it was serving (API Gateway's route key). */
interface Sender {
  readonly lambda: string;
  readonly route?: string;
}

/**
 * One authorization IAM makes for a request: a transaction is authorized item by item (each with
 * its own action), a batch once per table with every partition key it names.
 */
interface AuthorizationRequest {
  readonly sender: Sender;
  /** The tenant whose credentials signed it (a tenant route's client); none: the function's own. */
  readonly tenantId?: string;
  readonly action: `dynamodb:${string}`;
  readonly tableName: string;
  readonly indexName?: string;
  /** `dynamodb:LeadingKeys`: the partition keys of the items, or of the index for a Query. */
  readonly leadingKeys: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: DynamoDB's JSON wire format, read field by field
type Wire = any;

const senders = new AsyncLocalStorage<Sender>();

/** Runs `work` as `lambda` would: its DynamoDB requests are recorded under that name. */
const servedBy = <T>(sender: Sender, work: () => T): T => senders.run(sender, work);

const partitionAttributeOf = (indexName?: string): string => {
  if (!indexName) return tableDefinition.partitionKey.name;
  const index = tableDefinition.globalSecondaryIndexes.find((i) => i.indexName === indexName);
  if (!index) throw new Error(`dynamoRequests: unknown index ${indexName}`);
  return index.partitionKey.name;
};

const stringOf = (value: Wire, what: string): string => {
  if (typeof value?.S !== 'string') throw new Error(`dynamoRequests: no string ${what}`);
  return value.S;
};

/** The partition key a Query's key condition sets (`pk = :v`, `#k = :v`). */
const queriedPartition = (body: Wire): string => {
  const attribute = partitionAttributeOf(body.IndexName);
  for (const [, name, placeholder] of (body.KeyConditionExpression as string).matchAll(
    /([#\w]+)\s*=\s*(:\w+)/g,
  )) {
    const resolved = name?.startsWith('#') ? body.ExpressionAttributeNames?.[name] : name;
    if (resolved === attribute)
      return stringOf(body.ExpressionAttributeValues?.[placeholder ?? ''], attribute);
  }
  throw new Error(`dynamoRequests: no partition key in ${body.KeyConditionExpression}`);
};

const pk = (item: Wire) => stringOf(item?.[tableDefinition.partitionKey.name], 'partition key');

/** The authorizations one request needs, from its operation and wire body. */
const authorizationsOf = (
  sender: Sender,
  operation: string,
  body: Wire,
  tenantId?: string,
): AuthorizationRequest[] => {
  const one = (action: string, tableName: string, leadingKeys: string[], indexName?: string) => ({
    sender,
    ...(tenantId !== undefined && { tenantId }),
    action: `dynamodb:${action}` as const,
    tableName,
    leadingKeys,
    ...(indexName && { indexName }),
  });
  switch (operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [one(operation, body.TableName, [pk(body.Key)])];
    case 'PutItem':
      return [one(operation, body.TableName, [pk(body.Item)])];
    case 'Query':
      return [one(operation, body.TableName, [queriedPartition(body)], body.IndexName)];
    case 'BatchGetItem':
      return Object.entries<Wire>(body.RequestItems).map(([table, { Keys }]) =>
        one(operation, table, (Keys as Wire[]).map(pk)),
      );
    case 'BatchWriteItem':
      return Object.entries<Wire[]>(body.RequestItems).map(([table, writes]) =>
        one(
          operation,
          table,
          writes.map((write) => pk(write.PutRequest?.Item ?? write.DeleteRequest?.Key)),
        ),
      );
    case 'TransactGetItems':
      return (body.TransactItems as Wire[]).map(({ Get }) => one('GetItem', Get.TableName, [pk(Get.Key)]));
    case 'TransactWriteItems':
      return (body.TransactItems as Wire[]).map((item) => {
        if (item.ConditionCheck)
          return one('ConditionCheckItem', item.ConditionCheck.TableName, [pk(item.ConditionCheck.Key)]);
        if (item.Put) return one('PutItem', item.Put.TableName, [pk(item.Put.Item)]);
        if (item.Update) return one('UpdateItem', item.Update.TableName, [pk(item.Update.Key)]);
        return one('DeleteItem', item.Delete.TableName, [pk(item.Delete.Key)]);
      });
    default:
      // Scan, DescribeTable…: no partition key, the table (or index) only.
      return [one(operation, body.TableName, [], body.IndexName)];
  }
};

/** The serialized body: a string, or bytes (the JSON codec serializes to a Uint8Array). */
const bodyText = (body: unknown): string => {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new Error('dynamoRequests: a request body neither text nor bytes');
};

interface Recording {
  /** Every authorization the recorded requests needed, in order. */
  readonly requests: AuthorizationRequest[];
  /** Route keys (`GET /dossiers`) whose handler ran. */
  readonly routesServed: Set<string>;
  stop(): void;
}

const MIDDLEWARE_NAME = 'iamConformanceRecorder';

/**
 * Starts recording: wraps every API handler (the local server looks them up per request) and adds
 * the middleware to every client of the data layer, the tenants' included (call after the harness
 * set `DYNAMODB_ENDPOINT`).
 */
const recordDynamoRequests = (): Recording => {
  const requests: AuthorizationRequest[] = [];
  const routesServed = new Set<string>();
  const handlers = { ...lambdas };
  const table = lambdas as Record<string, (event: Wire, context: Wire) => Promise<unknown>>;
  for (const [name, handler] of Object.entries(handlers)) {
    table[name] = (event, context) => {
      routesServed.add(event.routeKey);
      return servedBy({ lambda: name, route: event.routeKey }, () => handler(event, context));
    };
  }
  const middleware =
    (tenantId: string | undefined): BuildMiddleware<ServiceInputTypes, ServiceOutputTypes> =>
    (next) =>
    async (args) => {
      const sender = senders.getStore();
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'];
      if (sender && target) {
        const operation = target.slice(target.indexOf('.') + 1);
        requests.push(...authorizationsOf(sender, operation, JSON.parse(bodyText(request.body)), tenantId));
      }
      return next(args);
    };
  // The function's client and every tenant's (tenant routes sign with their tenant's credentials).
  const observed: { middlewareStack: { remove: (name: string) => unknown } }[] = [];
  const unobserve = observeDocumentClients((client, tenantId) => {
    client.middlewareStack.add(middleware(tenantId), { step: 'build', name: MIDDLEWARE_NAME });
    observed.push(client);
  });
  return {
    requests,
    routesServed,
    stop() {
      Object.assign(lambdas, handlers);
      unobserve();
      for (const client of observed) client.middlewareStack.remove(MIDDLEWARE_NAME);
    },
  };
};

export type { AuthorizationRequest, Recording, Sender };
export { authorizationsOf, recordDynamoRequests, servedBy };
