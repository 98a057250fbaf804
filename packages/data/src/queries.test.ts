/**
 * The main access patterns' request parameters, built by pure functions and checked without
 * DynamoDB (issue 13): which index, which partition, which conditions.
 */
import { DEFAULT_LIMITS, addMonths, clockAt } from '@socle/domain';
import type { Principal } from '@socle/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSpec } from './certificateList.ts';
import { dossierListSpec } from './dossierList.ts';
import { paperCopiesQuery } from './entities/certificate.ts';
import { referentielListingQuery } from './entities/referentiel.ts';
import { keys } from './keys.ts';
import { queryInput } from './listQuery.ts';
import { indexPartitionQuery, partitionQuery } from './queryAll.ts';
import { platformScopeFor } from './scope.ts';

const scope = platformScopeFor('T1');
/** A network-wide reader (organisms undefined) or an organism-bound one, on 1 March 2026. */
const reader = (organisms?: string[]) => ({
  scope,
  organisms,
  clock: clockAt(new Date('2026-03-01T10:00:00Z')),
});
const staff = (roles: string[], tenantId?: string) =>
  ({ userId: 'U1', roles, organisms: [], ...(tenantId ? { tenantId } : {}) }) as unknown as Principal;

beforeAll(() => {
  process.env.TABLE_NAME ??= 'socle-unit';
});

describe('Function: dossierListSpec', () => {
  it('reads the organism index when an organism is named, the status as a filter', () => {
    const input = queryInput(dossierListSpec(reader(), { organismId: 'O1', status: 'opened' }));
    expect(input.IndexName).toBe('gsi3');
    expect(input.ExpressionAttributeValues?.[':pk']).toBe('T#T1#DORG#O1');
    expect(input.FilterExpression).toContain('#status = :status');
    expect(input.ExpressionAttributeValues?.[':status']).toBe('opened');
  });

  it('reads the status index for a status alone, the network index otherwise; never erased dossiers', () => {
    const byStatus = queryInput(dossierListSpec(reader(), { status: 'in_training' }));
    expect([byStatus.IndexName, byStatus.ExpressionAttributeValues?.[':pk']]).toEqual([
      'gsi2',
      'T#T1#DSTATUS#in_training',
    ]);
    const all = queryInput(dossierListSpec(reader(), {}));
    expect([all.IndexName, all.ExpressionAttributeValues?.[':pk']]).toEqual(['gsi1', 'T#T1#DOSSIERS']);
    expect(all.FilterExpression).toBe('attribute_not_exists(erasedAt)');
    expect(all.ScanIndexForward).toBe(false);
  });

  it('keeps organism-bound staff to their organisms, and to nothing when they have none', () => {
    const bound = queryInput(dossierListSpec(reader(['O1', 'O2']), {}));
    expect(bound.FilterExpression).toContain(
      'organismId IN (:org0, :org1) OR trainingOrganismId IN (:org0, :org1)',
    );
    const none = queryInput(dossierListSpec(reader([]), {}));
    expect(none.FilterExpression).toContain('attribute_not_exists(pk)');
  });

  it("counts 'deadline soon' from the reader's day, not the wall clock's", () => {
    const soon = queryInput(dossierListSpec(reader(), { deadline: 'soon' }));
    expect(soon.ExpressionAttributeValues?.[':soon']).toBe(
      addMonths('2026-03-01', DEFAULT_LIMITS.warningMonths),
    );
  });
});

describe('Function: registerSpec', () => {
  it('reads the national register by year, a network its own register', () => {
    const national = queryInput(registerSpec(staff(['national_admin']), { year: 2026 }));
    expect([national.IndexName, national.ExpressionAttributeValues?.[':pk']]).toEqual(['gsi2', 'CERTS#2026']);
    const network = queryInput(registerSpec(staff(['network_admin'], 'T1'), { year: 2026, region: '84' }));
    expect([network.IndexName, network.ExpressionAttributeValues?.[':pk']]).toEqual(['gsi3', 'T#T1#CERTS']);
    expect(network.FilterExpression).toBe('#region = :region');
    expect(network.ExpressionAttributeNames).toEqual({ '#region': 'region' });
  });
});

describe('Function: partitionQuery', () => {
  it("reads a session's agenda under its sort-key prefix, from where the last page stopped", () => {
    const start = { pk: 'JSESSION#S1', sk: 'AGENDA#D1' };
    expect(partitionQuery(keys.agendaPrefix('S1'), start)).toEqual({
      TableName: 'socle-unit',
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'JSESSION#S1', ':prefix': 'AGENDA#' },
      ExclusiveStartKey: start,
    });
  });

  it("reads a region's sessions, and a whole trail without a prefix", () => {
    expect(partitionQuery(keys.jurySessionsPrefix('84')).ExpressionAttributeValues).toEqual({
      ':pk': 'JURY#84',
      ':prefix': 'SESSION#',
    });
    const trail = partitionQuery(keys.platformAuditTrail());
    expect([trail.KeyConditionExpression, trail.ExpressionAttributeValues]).toEqual([
      'pk = :pk',
      { ':pk': 'AUDIT#PLATFORM' },
    ]);
  });
});

describe('Function: paperCopiesQuery', () => {
  it('reads the copies waiting at one step on the paper copy index', () => {
    expect(paperCopiesQuery('requested')).toMatchObject({
      IndexName: 'gsi4',
      ExpressionAttributeValues: { ':pk': 'PAPER#requested' },
    });
  });
});

describe('Function: referentielListingQuery', () => {
  it('lists the versions on their index, summaries only (no grid), from where the last page stopped', () => {
    const input = referentielListingQuery({
      gsi1pk: 'REFERENTIELS',
      gsi1sk: 'clea#R1',
      pk: 'REF#R1',
      sk: 'REFERENTIEL',
    });
    expect(input).toMatchObject({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'REFERENTIELS' },
      ExclusiveStartKey: { gsi1sk: 'clea#R1' },
    });
    expect(input.ProjectionExpression?.split(', ')).not.toContain('domains');
  });
});

describe('Function: indexPartitionQuery', () => {
  it('pages the networks by name and the logins by email on their index', () => {
    expect(indexPartitionQuery(keys.tenantsList(), { limit: 20 })).toMatchObject({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'TENANTS' },
      Limit: 20,
    });
    const logins = indexPartitionQuery(keys.loginsList(), {
      startKey: { gsi1pk: 'LOGINS', gsi1sk: 'a@b.fr' },
    });
    expect([
      logins.ExpressionAttributeValues?.[':pk'],
      logins.ExclusiveStartKey?.gsi1sk,
      logins.Limit,
    ]).toEqual(['LOGINS', 'a@b.fr', undefined]);
  });
});
