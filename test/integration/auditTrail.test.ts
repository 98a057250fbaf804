/**
 * The audit trail is append-only: IAM denies UpdateItem/DeleteItem/BatchWriteItem on `AUDIT#*`
 * (infra tests), and the one write IAM must allow, PutItem, is conditional in the data layer so it
 * can never replace an event. Here against DynamoDB Local.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, db, keys, listAuditEvents, platformScopeFor, tableName, transact } from '@socle/data';
import type { WriteContext } from '@socle/data';
import { RuleViolationError, clockAt } from '@socle/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import type { TestApi } from '../support/api.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const ctx = (): WriteContext => ({
  principal: { userId: ulid(), roles: ['advisor'], organisms: [], tenantId: 'T1', name: 'Ada' },
  requestId: 'req-1',
  clock: clockAt(new Date('2026-03-01T10:00:00.000Z')),
});

describe('Audit events', () => {
  it('are written under their own AUDIT# partition, apart from the dossier', async () => {
    // Prepare
    const scope = platformScopeFor('T1');
    const dossierId = ulid();
    const put = auditPut((at, id) => keys.dossierAudit(scope, dossierId, at, id), ctx(), {
      action: 'dossier.opened',
      entity: { type: 'dossier', id: dossierId },
    });
    // Act
    await transact([put]);
    // Assess
    const page = await listAuditEvents({ ...keys.dossierAuditTrail(scope, dossierId), limit: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({ action: 'dossier.opened', actor: expect.any(Object) }),
    ]);
    const stored = put.item.Put?.Item as { pk: string; sk: string };
    expect(stored.pk).toBe(`AUDIT#T#T1#D#${dossierId}`);
    expect(stored.pk.startsWith(keys.dossier(scope, dossierId).pk)).toBe(false);
  });

  it('cannot be written twice: a second put of the same event fails and leaves the first intact', async () => {
    // Prepare
    const scope = platformScopeFor('T1');
    const dossierId = ulid();
    const first = auditPut((at, id) => keys.dossierAudit(scope, dossierId, at, id), ctx(), {
      action: 'dossier.opened',
      entity: { type: 'dossier', id: dossierId },
    });
    await transact([first]);
    const stored = first.item.Put?.Item as Record<string, unknown> & { pk: string; sk: string };
    // Act: the same event id, with another content (what an overwrite would look like).
    const forged = {
      ...first,
      item: { Put: { ...first.item.Put, Item: { ...stored, action: 'dossier.forged' } } },
    } as typeof first;
    const again = transact([forged]);
    // Assess
    await expect(again).rejects.toBeInstanceOf(RuleViolationError);
    await expect(again).rejects.toMatchObject({ code: 'audit_collision' });
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: { pk: stored.pk, sk: stored.sk } }),
    );
    expect(Item?.action).toBe('dossier.opened');
  });
});
