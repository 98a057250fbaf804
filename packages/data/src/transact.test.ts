import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { keys } from './keys.ts';
import { platformScopeFor } from './scope.ts';
import { buildTransaction } from './transact.ts';

describe('Function: buildTransaction', () => {
  it('asks for the old item on every conditional write', () => {
    const input = buildTransaction([
      {
        item: {
          Put: {
            TableName: 't',
            Item: { pk: 'a', sk: 'b' },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      { item: { Put: { TableName: 't', Item: { pk: 'c', sk: 'd' } } } },
    ]);
    expect(input.TransactItems?.[0]?.Put?.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
    expect(input.TransactItems?.[1]?.Put?.ReturnValuesOnConditionCheckFailure).toBeUndefined();
  });
});

describe('Object: keys', () => {
  it('prefixes every tenant-owned key with the scope tenant', () => {
    const scope = platformScopeFor('T1');
    expect(keys.dossier(scope, 'D1')).toEqual({ pk: 'T#T1#D#D1', sk: 'DOSSIER' });
    expect(keys.organism(scope, 'O1')).toEqual({ pk: 'T#T1', sk: 'ORG#O1' });
    expect(keys.dossiersByStatus(scope, 'opened').pk).toBe('T#T1#DSTATUS#opened');
  });

  it('puts every audit trail, and nothing else, under AUDIT# (append-only in IAM)', () => {
    const scope = platformScopeFor('T1');
    const audit = [
      keys.dossierAudit(scope, 'D1', '2026-01-01T00:00:00.000Z', 'E1'),
      keys.tenantAudit('T1', '2026-01-01T00:00:00.000Z', 'E1'),
      keys.platformAudit('2026-01-01T00:00:00.000Z', 'E1'),
    ];
    expect(audit.map((k) => k.pk)).toEqual(['AUDIT#T#T1#D#D1', 'AUDIT#T#T1', 'AUDIT#PLATFORM']);
    expect(keys.dossierAuditTrail(scope, 'D1').pk).toBe(audit[0]?.pk);
    // The tenant-scoped trails match the `AUDIT#T#*` grant, the platform trail does not.
    expect(audit.slice(0, 2).every((k) => k.pk.startsWith('AUDIT#T#'))).toBe(true);
    const others = [
      keys.dossier(scope, 'D1'),
      keys.candidate(scope, 'C1'),
      keys.evaluation(scope, 'D1', 'E1'),
      keys.tenant('T1'),
      keys.certificate('CLEA-X'),
      keys.idempotency('PLATFORM', 'k'),
    ];
    expect(others.filter((k) => k.pk.startsWith('AUDIT#'))).toEqual([]);
  });
});

describe('Function: decodeCursor', () => {
  it('round-trips a key of the expected partition', () => {
    const key = { gsi1pk: 'T#T1#DOSSIERS', gsi1sk: 'X', pk: 'p', sk: 's' };
    expect(decodeCursor(encodeCursor(key), { attribute: 'gsi1pk', value: 'T#T1#DOSSIERS' })).toEqual(key);
  });
  it('refuses a cursor of another partition', () => {
    const cursor = encodeCursor({ gsi1pk: 'T#T2#DOSSIERS', gsi1sk: 'X' });
    expect(() => decodeCursor(cursor, { attribute: 'gsi1pk', value: 'T#T1#DOSSIERS' })).toThrow(/cursor/);
  });
  it('refuses garbage', () => {
    expect(() => decodeCursor('%%%', { attribute: 'pk', value: 'x' })).toThrow(/cursor/);
  });
});
