/**
 * Append-only audit trail: every change writes one event in the same transaction as the change.
 * Events live in `AUDIT#…` partitions (keys.ts), which no function role may update or delete (IAM
 * deny); a Put could still replace an event, so every audit Put is conditional on the event not
 * existing yet (`attribute_not_exists(pk)`): a second write of the same event fails.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, AuditEvent } from '@socle/domain';
import { auditCollision, violationOf } from '@socle/domain';
import { ulid } from 'ulid';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { auditEventFromItem } from './entities/auditEvent.ts';
import type { StoredAuditEvent } from './entities/auditEvent.ts';
import type { Key } from './keys.ts';
import { queryAll } from './queryAll.ts';
import type { GuardedItem } from './transact.ts';
import { tableName } from './table.ts';

/** What every write needs to know about the request it serves: who, under which request, when. */
type WriteContext = Pick<Actor<unknown>, 'principal' | 'requestId' | 'clock'>;

interface AuditInput {
  action: string;
  entity: { type: string; id: string };
  summary?: string;
  fromStatus?: string;
  toStatus?: string;
}

const newAuditEvent = (ctx: WriteContext, input: AuditInput): AuditEvent => ({
  id: ulid(ctx.clock.instant().getTime()),
  at: ctx.clock.now(),
  actor: { userId: ctx.principal.userId, name: ctx.principal.name, roles: ctx.principal.roles },
  ...input,
});

/** The audit Put for a transaction; its key is chosen by the caller (dossier, tenant or platform trail). */
const auditPut = (
  keyOf: (at: string, eventId: string) => Key,
  ctx: WriteContext,
  input: AuditInput,
): GuardedItem => {
  const event = newAuditEvent(ctx, input);
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: { ...keyOf(event.at, event.id), itemType: 'AuditEvent', requestId: ctx.requestId, ...event },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () => violationOf(auditCollision),
  };
};

interface AuditPageOptions {
  /** The trail's partition (keys.dossierAuditTrail, tenantAuditTrail, platformAuditTrail). */
  pk: string;
  cursor?: string;
  limit: number;
}

/** Events of one trail, newest first. */
const listAuditEvents = async ({ pk, cursor, limit }: AuditPageOptions) => {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ExclusiveStartKey: decodeCursor(cursor, { attribute: 'pk', value: pk }),
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return {
    items: (result.Items ?? []).map(auditEventFromItem),
    cursor: encodeCursor(result.LastEvaluatedKey),
  };
};

/** A whole trail, oldest first (subject access exports). */
const listAllAuditEvents = (pk: string): Promise<StoredAuditEvent[]> => queryAll({ pk }, auditEventFromItem);

export type { AuditInput, StoredAuditEvent, WriteContext };
export { auditPut, listAllAuditEvents, listAuditEvents, newAuditEvent };
