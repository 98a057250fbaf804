/** Networks (tenants), managed by the national admin. Stored in their own partition `T#<id>`. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  NotFoundError,
  canChangeNetworkStatus,
  duplicateId,
  enforce,
  habilitationAllows,
  habilitationChanged,
  organismRegionAllowed,
  regionNotHabilitated,
  regionToday,
  tenantSuspended,
  violationOf,
} from '@socle/domain';
import type { Tenant, TenantCreate, TenantUpdate } from '@socle/domain';
import { ulid } from 'ulid';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { idempotencyPut } from './idempotency.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { keys } from './keys.ts';
import { assertVersion, putNew, putVersioned } from './records.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import { tenantFromItem } from './entities/tenant.ts';
import { indexPartitionQuery } from './queryAll.ts';

const platformAudit = (at: string, id: string) => keys.platformAudit(at, id);

const tenantItem = (tenant: Tenant) => ({
  ...keys.tenant(tenant.id),
  ...keys.tenantsByName(tenant.name, tenant.id),
  itemType: 'Tenant',
  ...tenant,
});

const createTenant = async (
  ctx: WriteContext,
  input: TenantCreate,
  idempotency?: IdempotencyRequest,
): Promise<Tenant> => {
  const now = ctx.clock.now();
  const tenant: Tenant = {
    id: ulid(ctx.clock.instant().getTime()),
    ...input,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([
    putNew(tenantItem(tenant), () => violationOf(duplicateId)),
    auditPut(platformAudit, ctx, { action: 'tenant.created', entity: { type: 'tenant', id: tenant.id } }),
    ...(idempotency
      ? [idempotencyPut(idempotency, { statusCode: 201, body: tenant }, ctx.clock.instant())]
      : []),
  ]);
  return tenant;
};

const findTenant = async (tenantId: string): Promise<Tenant | undefined> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.tenant(tenantId), ConsistentRead: true }),
  );
  return Item ? tenantFromItem(Item) : undefined;
};

const getTenant = async (tenantId: string): Promise<Tenant> => {
  const tenant = await findTenant(tenantId);
  if (!tenant) throw new NotFoundError('tenant');
  return tenant;
};

const listTenants = async ({ cursor, limit }: { cursor?: string; limit: number }) => {
  const list = keys.tenantsList();
  const startKey = decodeCursor(cursor, { attribute: `${list.index}pk`, value: list.pk });
  const result = await db().send(new QueryCommand(indexPartitionQuery(list, { startKey, limit })));
  return {
    items: (result.Items ?? []).map(tenantFromItem),
    cursor: encodeCursor(result.LastEvaluatedKey),
  };
};

type TenantChange =
  | { kind: 'update'; input: TenantUpdate }
  | { kind: 'suspend'; version: number; reason: string }
  | { kind: 'reactivate'; version: number };

const changeTenant = async (ctx: WriteContext, tenantId: string, change: TenantChange): Promise<Tenant> => {
  const current = await getTenant(tenantId);
  const expected = change.kind === 'update' ? change.input.version : change.version;
  assertVersion('tenant', current, expected);
  const next: Tenant = { ...current, version: current.version + 1, updatedAt: ctx.clock.now() };
  let action = 'tenant.updated';
  if (change.kind === 'update') {
    const { version: _ignored, ...fields } = change.input;
    Object.assign(next, fields);
  } else if (change.kind === 'suspend') {
    enforce(canChangeNetworkStatus(current, 'suspend'));
    Object.assign(next, { status: 'suspended', suspendedReason: change.reason });
    action = 'tenant.suspended';
  } else {
    enforce(canChangeNetworkStatus(current, 'reactivate'));
    next.status = 'active';
    delete next.suspendedReason;
    action = 'tenant.reactivated';
  }
  await transact([
    putVersioned('tenant', tenantItem(next), current.version),
    auditPut(platformAudit, ctx, {
      action,
      entity: { type: 'tenant', id: tenantId },
      summary: change.kind === 'suspend' ? change.reason : undefined,
    }),
  ]);
  return next;
};

/** Writes of a network's users must fail atomically once the network is suspended. */
const tenantActiveCheck = (tenantId: string) => ({
  item: {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.tenant(tenantId),
      ConditionExpression: '#status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active' },
    },
  },
  onConditionFailed: () => violationOf(tenantSuspended),
});

interface HabilitationScope {
  /** The certification of the dossier written (absent for a write about no dossier, e.g. an organism). */
  certification?: string;
  /** The region of the dossier or organism written; its own day is the one the dates are checked on. */
  region?: string;
  now: Date;
}

/**
 * Condition for a transaction writing a network's dossier or organism: the network is active and
 * habilitated, on the day, for the certification, in the region (SPEC §1, §3). Checked by
 * DynamoDB in the write's own transaction, so a habilitation changed after the caller's reads
 * still stops the write; `habilitationAllows` names the part that failed.
 */
const habilitationCheck = (tenantId: string, { certification, region, now }: HabilitationScope) => {
  const today = regionToday(region, now);
  const conditions = [
    '#status = :active',
    'habilitationFrom <= :today',
    '(attribute_not_exists(habilitationTo) OR attribute_type(habilitationTo, :null) OR habilitationTo >= :today)',
  ];
  const values: Record<string, unknown> = { ':active': 'active', ':today': today, ':null': 'NULL' };
  if (certification !== undefined) {
    conditions.push('contains(certifications, :certification)');
    values[':certification'] = certification;
  }
  if (region !== undefined) {
    conditions.push('(attribute_not_exists(regions) OR contains(regions, :region))');
    values[':region'] = region;
  }
  return {
    item: {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.tenant(tenantId),
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: (existing: Record<string, unknown> | undefined) => {
      if (!existing) return new NotFoundError('tenant');
      const verdict = habilitationAllows({
        tenant: tenantFromItem(existing),
        certification,
        region,
        today,
      });
      return violationOf(verdict.ok ? habilitationChanged : verdict);
    },
  };
};

/**
 * Condition for a transaction placing an organism in a region: the network is habilitated there
 * (400 on `region` otherwise), checked against the network item as it is at the write.
 */
const networkRegionCheck = (tenantId: string, region: string) => ({
  item: {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.tenant(tenantId),
      ConditionExpression:
        'attribute_exists(pk) AND (attribute_not_exists(regions) OR contains(regions, :region))',
      ExpressionAttributeValues: { ':region': region },
    },
  },
  onConditionFailed: (existing: Record<string, unknown> | undefined): Error => {
    if (!existing) return new NotFoundError('tenant');
    try {
      enforce(organismRegionAllowed({ tenant: tenantFromItem(existing), region }));
    } catch (error) {
      return error as Error;
    }
    return violationOf(regionNotHabilitated);
  },
});

export type { HabilitationScope, TenantChange };
/** Every network (maintenance tasks that visit each network). */
const allTenants = async (): Promise<Tenant[]> => {
  const tenants: Tenant[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTenants({ cursor, limit: 100 });
    tenants.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return tenants;
};

export {
  allTenants,
  changeTenant,
  createTenant,
  findTenant,
  getTenant,
  habilitationCheck,
  listTenants,
  networkRegionCheck,
  tenantActiveCheck,
};
