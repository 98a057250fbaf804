import { describe, expect, it } from 'vitest';
import { dossierFromItem, storedDossierFromItem } from './dossier.ts';
import { StoredItemError } from './storedItem.ts';

const at = '2026-01-05T09:00:00.000Z';
const id = '01KA0000000000000000000001';
const tombstone = {
  pk: `T#T1#D#${id}`,
  sk: 'DOSSIER',
  gsi1pk: 'T#T1#DOSSIERS',
  gsi1sk: id,
  itemType: 'Dossier',
  id,
  status: 'certified',
  certification: 'clea',
  organismId: '01KA0000000000000000000002',
  region: '84',
  referentielId: '01KA0000000000000000000003',
  openedAt: at,
  statusChangedAt: at,
  createdAt: at,
  juryDecision: { decision: 'certified', sessionDate: '2026-03-02' },
  erasedAt: at,
  version: 9,
  updatedAt: at,
};

describe('Function: storedDossierFromItem', () => {
  it('reads what erasure left of a dossier as a tombstone, statistics fields only', () => {
    const stored = storedDossierFromItem(tombstone);
    expect(stored).toMatchObject({ id, status: 'certified', erasedAt: at, version: 9 });
    expect(Object.keys(stored)).not.toContain('gsi1pk');
  });

  it('refuses a tombstone where a live dossier is expected (its identity is gone)', () => {
    expect(() => dossierFromItem(tombstone)).toThrow(StoredItemError);
    expect(() => dossierFromItem(tombstone)).toThrow(/candidateId/);
  });
});
