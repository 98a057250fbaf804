/**
 * IAM conformance: every DynamoDB request a handler sends on DynamoDB Local, while the harness
 * exercises every route (and the scheduled jobs run), is evaluated against its own Lambda's role
 * policies as synthesized in the CDK template, by an IAM policy simulator (`dynamodb:LeadingKeys`
 * conditions, explicit denies and all). A handler touching a key outside its Lambda's permissions
 * fails here, before it fails in AWS with an AccessDenied.
 */
import { TENANT_SESSION_TAG } from '@socle/data';
import type { Role } from '@socle/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';
import { certifyThroughJury } from '../support/certify.ts';
import { recordDynamoRequests, servedBy } from '../support/dynamoRequests.ts';
import type { AuthorizationRequest, Recording } from '../support/dynamoRequests.ts';
import { deniedEvaluations, describeDenials } from '../support/iamSimulation.ts';
import type { Evaluation } from '../support/iamSimulation.ts';
import { buildJury, sessionDay } from '../support/jury.ts';
import type { Jury } from '../support/jury.ts';
import { synthesizedPolicies } from '../support/synthesizedPolicies.ts';
import type { FunctionPolicies } from '../support/synthesizedPolicies.ts';
import { buildWorld } from '../support/world.ts';
import type { World } from '../support/world.ts';
import { allRoutes, bodyFor, pathIn } from './routeCoverage.ts';

let api: TestApi;
let world: World;
let jury: Jury;
let recording: Recording;
let policies: Record<string, FunctionPolicies>;

/** A token of the world for each role (network A's staff, the national admin, region 11's jury). */
const tokenOf = (role: Role): string => {
  const tokens: Record<Role, string> = {
    national_admin: world.nationalToken,
    network_admin: world.a.tokens.admin,
    advisor: world.a.tokens.advisor,
    evaluator: world.a.tokens.evaluator,
    trainer: world.a.tokens.trainer,
    jury_secretary: jury.secretary.token,
    jury_member: jury.employer.token,
  };
  return tokens[role];
};

/** A permanent bounce as SES publishes it to SNS (the fields sesEvents reads). */
const permanentBounce = (email: string) =>
  ({
    Records: [
      {
        EventSource: 'aws:sns',
        Sns: {
          Type: 'Notification',
          Message: JSON.stringify({
            eventType: 'Bounce',
            bounce: {
              bounceType: 'Permanent',
              bounceSubType: 'General',
              bouncedRecipients: [{ emailAddress: email, action: 'failed', status: '5.1.1' }],
              timestamp: '2027-01-10T08:00:00.000Z',
            },
            mail: { timestamp: '2027-01-10T07:59:58.000Z', messageId: 'mail-id', destination: [email] },
          }),
        },
      },
    ],
  }) as never;

/** Reads first, then writes, removals last: the earlier calls find the world whole. */
const callOrder = (method: string) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].indexOf(method);

beforeAll(async () => {
  policies = synthesizedPolicies();
  api = await startTestApi();
  recording = recordDynamoRequests();
  world = await buildWorld(api);
  jury = await buildJury(api, world.nationalToken, '11');
  const { code } = await certifyThroughJury(api, world.a, jury);
  // A planned session, so that the session routes below act on one (its cancellation tells members).
  const session = await api.call('POST', '/jury/sessions', {
    token: jury.secretary.token,
    body: {
      date: sessionDay(jury.region, 30),
      startTime: '09:00',
      place: 'Paris',
      memberIds: [jury.employer.userId, jury.employee.userId],
    },
  });
  expect(session.status).toBe(201);
  // Every route, once per role it allows, on network A's ids, a real certificate and session.
  const ids = { code, sessionId: session.body.id as string };
  const ordered = [...allRoutes].sort((x, y) => callOrder(x.method) - callOrder(y.method));
  for (const route of ordered) {
    for (const role of route.roles ?? [undefined]) {
      await api.call(route.method, pathIn(route, world.a, ids), {
        token: role && tokenOf(role),
        body: bodyFor(route, world.a),
        // A creating route stores its response under the key (the tenant's or the platform's records).
        headers: route.idempotent ? { 'idempotency-key': randomUUID() } : undefined,
      });
    }
  }
  // The scheduled jobs, as EventBridge invokes them.
  const { handler: expirySweep } = await import('@socle/functions/lambdas/expirySweep');
  const { handler: counterDriftCheck } = await import('@socle/functions/lambdas/counterDriftCheck');
  const context = (name: string) => ({ functionName: name, awsRequestId: name }) as never;
  await servedBy({ lambda: 'expirySweep' }, () => expirySweep({}, context('expirySweep')));
  await servedBy({ lambda: 'counterDriftCheck' }, () =>
    counterDriftCheck({ repair: true }, context('counterDriftCheck')),
  );
  // The functions outside the route table, as their triggers invoke them: the outbox delivery (its
  // sender stubbed: SES is not the subject), a bounce from SES, the token trigger for a staff login.
  const { deliverPendingMessages } = await import('@socle/functions/notifications/delivery');
  const { recordSesEvent } = await import('@socle/functions/notifications/sesEvents');
  const { handler: tokenTrigger } = await import('@socle/functions/lambdas/preTokenGeneration');
  const delivered = await servedBy({ lambda: 'outboxDelivery' }, () =>
    deliverPendingMessages({
      sender: { send: async (email) => ({ providerMessageId: email.messageId }) },
      render: {
        siteUrl: 'http://127.0.0.1:5173',
        juryOrganizer: { name: 'Jurys', email: 'jurys@socle.localhost' },
      },
    }),
  );
  expect(delivered.delivered).toBeGreaterThan(0);
  await servedBy({ lambda: 'sesEvents' }, () => recordSesEvent(permanentBounce('rebond@exemple.fr')));
  await servedBy({ lambda: 'preTokenGeneration' }, () =>
    tokenTrigger(
      {
        version: '2',
        userPoolId: 'eu-west-3_pool',
        triggerSource: 'TokenGeneration_Authentication',
        userName: world.a.userIds.advisor,
        request: { userAttributes: { sub: 'cognito-uuid' }, groupConfiguration: {}, scopes: [] },
        response: {},
      } as never,
      context('preTokenGeneration'),
    ),
  );
}, 600_000);

afterAll(async () => {
  recording?.stop();
  await api?.stop();
});

/**
 * What IAM is asked per request: a tenant route's request under its Lambda's tenant role, as a
 * session tagged with the tenant it was signed for; any other under the Lambda's execution role.
 */
const evaluationsOf = (requests: readonly AuthorizationRequest[]): Evaluation[] =>
  requests.map((request) => {
    const own = policies[request.sender.lambda];
    if (!own) throw new Error(`no synthesized policies for ${request.sender.lambda}`);
    if (request.tenantId === undefined) return { policies: own, request };
    if (!own.tenant) throw new Error(`${request.sender.lambda} signed for a tenant but has no tenant role`);
    return {
      policies: own.tenant,
      request,
      context: { [`aws:PrincipalTag/${TENANT_SESSION_TAG}`]: request.tenantId },
    };
  });

describe('IAM conformance (recorded DynamoDB requests against the synthesized policies)', () => {
  it('served every route of the route table', () => {
    const missing = allRoutes
      .map((route) => `${route.method} ${route.path}`)
      .filter((key) => !recording.routesServed.has(key));
    expect(missing).toEqual([]);
  });

  it('recorded requests of every function: the API Lambdas, the jobs, the notification functions, the token trigger', () => {
    const senders = new Set(recording.requests.map((request) => request.sender.lambda));
    expect([...senders].sort()).toEqual(Object.keys(policies).sort());
  });

  it("allows every request a handler sent under its own Lambda's policies", async () => {
    const denials = await deniedEvaluations(evaluationsOf(recording.requests), api.tableName);
    expect(describeDenials(denials)).toBe('');
  });

  it("signs a tenant route's requests with its tenant's credentials, once the caller is known", () => {
    const tenantRouteKeys = new Set(
      allRoutes.filter((route) => route.scope === 'tenant').map((route) => `${route.method} ${route.path}`),
    );
    const signedForTenant = recording.requests.filter((request) => request.tenantId !== undefined);
    // Before the caller's network is known, the route wrapper only reads the caller's login.
    const unscoped = recording.requests.filter(
      (request) => tenantRouteKeys.has(request.sender.route ?? '') && request.tenantId === undefined,
    );
    expect(signedForTenant.length).toBeGreaterThan(100);
    expect(signedForTenant.filter((request) => !tenantRouteKeys.has(request.sender.route ?? ''))).toEqual([]);
    expect(new Set(unscoped.map((request) => request.action))).toEqual(new Set(['dynamodb:GetItem']));
    expect(
      unscoped.filter((request) => !request.leadingKeys.every((key) => key.startsWith('LOGIN#'))),
    ).toEqual([]);
  });

  it("denies a tenant's session another network's partition, allows its own", async () => {
    // Prepare: the dossiers function reading a dossier partition, signed for network A.
    const read = (tenantId: string): AuthorizationRequest => ({
      sender: { lambda: 'dossiers', route: 'GET /dossiers/{dossierId}' },
      tenantId: world.a.tenantId,
      action: 'dynamodb:GetItem',
      tableName: api.tableName,
      leadingKeys: [`T#${tenantId}#D#${world.a.dossierId}`],
    });
    // Act
    const denials = await deniedEvaluations(
      evaluationsOf([read(world.b.tenantId), read(world.a.tenantId)]),
      api.tableName,
    );
    // Assess
    expect(denials.map((denial) => denial.request.leadingKeys)).toEqual([
      [`T#${world.b.tenantId}#D#${world.a.dossierId}`],
    ]);
  });

  it("denies a request outside the Lambda's keys (the check can fail)", async () => {
    // Prepare: a write the meta function (GET /me) has no business sending.
    const outside: AuthorizationRequest = {
      sender: { lambda: 'meta', route: 'GET /me' },
      action: 'dynamodb:PutItem',
      tableName: api.tableName,
      leadingKeys: ['CERT#CLEA-0000-0000-0001-9'],
    };
    // Act
    const denials = await deniedEvaluations(evaluationsOf([outside]), api.tableName);
    // Assess
    expect(denials.map((denial) => denial.result)).toEqual(['ImplicitlyDenied']);
  });
});
