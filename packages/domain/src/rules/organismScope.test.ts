import { describe, expect, it } from 'vitest';
import type { Principal } from '../principal.ts';
import { needsOrganisms, reachesDossierRecord } from './organismScope.ts';

const advisor = (organisms: string[]): Principal => ({
  userId: 'U',
  tenantId: 'T1',
  roles: ['advisor'],
  organisms,
});
const record = { tenantId: 'T1', organismId: 'O1', trainingOrganismId: 'O3' };

describe('reachesDossierRecord', () => {
  it("lets organism-bound staff reach a record of their organism's dossier", () => {
    expect(reachesDossierRecord(advisor(['O1']), record)).toBe(true);
  });

  it('lets them reach it through the training organism', () => {
    expect(reachesDossierRecord(advisor(['O3']), record)).toBe(true);
  });

  it("refuses them another organism's record of their own network", () => {
    expect(reachesDossierRecord(advisor(['O2']), record)).toBe(false);
  });

  it('refuses them a record whose organisms are unknown', () => {
    expect(reachesDossierRecord(advisor(['O1']), { tenantId: 'T1', organismId: undefined })).toBe(false);
  });

  it("refuses another network's record even with the same organism id", () => {
    expect(reachesDossierRecord(advisor(['O1']), { ...record, tenantId: 'T2' })).toBe(false);
  });

  it('lets a network admin reach every record of their network', () => {
    const admin: Principal = { userId: 'A', tenantId: 'T1', roles: ['network_admin'], organisms: [] };
    expect(reachesDossierRecord(admin, { tenantId: 'T1', organismId: undefined })).toBe(true);
  });

  it('lets the national admin reach every network', () => {
    const national: Principal = { userId: 'N', roles: ['national_admin'], organisms: [] };
    expect(reachesDossierRecord(national, { tenantId: 'T9', organismId: 'O9' })).toBe(true);
  });

  it('asks for the organisms only for organism-bound staff', () => {
    expect([
      needsOrganisms(advisor([])),
      needsOrganisms({ ...advisor([]), roles: ['network_admin'] }),
    ]).toEqual([true, false]);
  });
});
