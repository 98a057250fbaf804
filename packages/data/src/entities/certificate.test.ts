import { describe, expect, it } from 'vitest';
import { certificateFromItem, paperCopiesQuery } from './certificate.ts';
import { StoredItemError } from './storedItem.ts';

const stored = {
  pk: 'CERT#CLEA-X',
  sk: 'CERTIFICATE',
  gsi1pk: 'CERTS#SESSION#S1',
  gsi1sk: 'CLEA-X',
  itemType: 'Certificate',
  code: 'CLEA-X',
  certification: 'clea',
  status: 'valid',
  issuedOn: '2026-03-02',
  region: '84',
  sessionId: 'S1',
  tenantId: 'T1',
  dossierId: 'D1',
  holder: { firstName: 'Inès', lastName: 'Durand', birthDate: '1990-01-01' },
  searchName: 'durand ines',
  openBadge: { statusIndex: 3, identitySalt: 'salt' },
};

describe('Function: certificateFromItem', () => {
  it('returns the record without the storage attributes, stored-only attributes kept', () => {
    const certificate = certificateFromItem(stored);
    expect(Object.keys(certificate).filter((k) => /^(pk|sk|gsi\d(pk|sk)|itemType)$/.test(k))).toEqual([]);
    expect(certificate).toMatchObject({
      code: 'CLEA-X',
      searchName: 'durand ines',
      openBadge: { statusIndex: 3 },
    });
  });

  it('fails on an item that is not a certificate, naming the attribute and not its value', () => {
    const broken = { ...stored, certification: 'other-value', holder: undefined };
    expect(() => certificateFromItem(broken)).toThrow(StoredItemError);
    expect(() => certificateFromItem(broken)).toThrow(/certification.*holder|holder.*certification/);
    expect(() => certificateFromItem(broken)).not.toThrow(/other-value/);
  });
});

describe('Function: paperCopiesQuery', () => {
  it('reads one step of the paper copy queue on its index', () => {
    process.env.TABLE_NAME ??= 'socle-test';
    const input = paperCopiesQuery('printed');
    expect(input).toMatchObject({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk',
      ExpressionAttributeValues: { ':pk': 'PAPER#printed' },
    });
  });
});
