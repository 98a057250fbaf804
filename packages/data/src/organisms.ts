/** Organisms of a network: item collection `T#<tenantId>` / `ORG#<id>`. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, duplicateId, organismUnavailable, violationOf } from '@socle/domain';
import type { Organism, OrganismCreate, OrganismUpdate } from '@socle/domain';
import { ulid } from 'ulid';
import { auditPut } from './audit.ts';
import { db } from './client.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { keys } from './keys.ts';
import { queryAll } from './queryAll.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import type { TenantActor, TenantScope } from './scope.ts';
import { tableName } from './table.ts';
import { networkRegionCheck } from './tenants.ts';
import { transact } from './transact.ts';
import { organismFromItem } from './entities/organism.ts';

const organismItem = (scope: TenantScope, organism: Organism) => ({
  ...keys.organism(scope, organism.id),
  itemType: 'Organism',
  ...organism,
});

const tenantAuditOf = (scope: TenantScope) => (at: string, id: string) =>
  keys.tenantAudit(scope.tenantId, at, id);

const createOrganism = async (
  actor: TenantActor,
  input: OrganismCreate,
  idempotency?: IdempotencyRequest,
): Promise<Organism> => {
  const { scope } = actor;
  const ctx = actor;
  const now = ctx.clock.now();
  const organism: Organism = {
    id: ulid(ctx.clock.instant().getTime()),
    ...input,
    active: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    networkRegionCheck(scope.tenantId, organism.region),
    putNew(organismItem(scope, organism), () => violationOf(duplicateId)),
    auditPut(tenantAuditOf(scope), ctx, {
      action: 'organism.created',
      entity: { type: 'organism', id: organism.id },
      summary: organism.name,
    }),
    ...(idempotency
      ? [idempotencyPut(idempotency, { statusCode: 201, body: organism }, ctx.clock.instant())]
      : []),
  ]);
  return organism;
};

const findOrganism = async (scope: TenantScope, organismId: string): Promise<Organism | undefined> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.organism(scope, organismId), ConsistentRead: true }),
  );
  return Item ? organismFromItem(Item) : undefined;
};

const getOrganism = async (scope: TenantScope, organismId: string): Promise<Organism> => {
  const organism = await findOrganism(scope, organismId);
  if (!organism) throw new NotFoundError('organism');
  return organism;
};

/** All organisms of a network (tens at most: one query, paginated internally). */
const listOrganisms = async (scope: TenantScope): Promise<Organism[]> =>
  (await queryAll(keys.organismsPrefix(scope), organismFromItem)).sort((a, b) =>
    a.name.localeCompare(b.name, 'fr'),
  );

const updateOrganism = async (
  actor: TenantActor,
  organismId: string,
  input: OrganismUpdate,
): Promise<Organism> => {
  const { scope } = actor;
  const ctx = actor;
  const current = await getOrganism(scope, organismId);
  assertVersion('organism', current, input.version);
  const { version: _ignored, ...fields } = input;
  const next: Organism = {
    ...current,
    ...fields,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  };
  await transact([
    ...(next.region !== current.region ? [networkRegionCheck(scope.tenantId, next.region)] : []),
    putVersioned('organism', organismItem(scope, next), current.version),
    auditPut(tenantAuditOf(scope), ctx, {
      action: 'organism.updated',
      entity: { type: 'organism', id: organismId },
      summary: next.name,
    }),
  ]);
  return next;
};

/** Condition for a transaction: the organism exists, is active and offers the capability. */
const organismCheck = (scope: TenantScope, organismId: string, capability: string, path: string) => ({
  item: {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.organism(scope, organismId),
      ConditionExpression: 'attribute_exists(pk) AND active = :true AND contains(capabilities, :capability)',
      ExpressionAttributeValues: { ':true': true, ':capability': capability },
    },
  },
  onConditionFailed: () => violationOf(organismUnavailable(path)),
});

export {
  createOrganism,
  findOrganism,
  getOrganism,
  listOrganisms,
  organismCheck,
  tenantAuditOf,
  updateOrganism,
};
