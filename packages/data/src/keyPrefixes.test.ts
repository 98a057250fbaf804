import { describe, expect, it } from 'vitest';
import {
  FIXED_PARTITIONS,
  KEY_PREFIXES,
  leadingKeysUnder,
  TENANT_PARTITION_SUFFIXES,
  tenantPartitionsEnding,
} from './keyPrefixes.ts';
import { keys } from './keys.ts';
import { platformScopeFor } from './scope.ts';

const scope = platformScopeFor('T1');
const at = '2026-01-01T00:00:00.000Z';

/** Every partition key (table and indexes) the key builders produce, one sample each. */
const partitionKeys = (): string[] => {
  const built: Record<string, unknown>[] = [
    keys.tenant('T1'),
    keys.tenantsByName('Réseau', 'T1'),
    keys.tenantsList(),
    keys.loginsList(),
    keys.certificatesByYear('2026'),
    keys.certificatesByTenant('T1'),
    keys.paperCopiesByStatus('requested'),
    keys.rateLimitWindow('verify', 1, 'h'),
    keys.rateLimitLock('confirm', 'CLEA-X'),
    keys.suppression('h'),
    keys.organism(scope, 'O1'),
    keys.user(scope, 'U1'),
    keys.login('U1'),
    keys.loginsByEmail('a@b.fr'),
    keys.emailClaim('a@b.fr'),
    keys.candidate(scope, 'C1'),
    keys.candidateDossier(scope, 'C1', 'D1'),
    keys.dossierIdentity(scope, 'h', 'D1'),
    keys.dormantCandidate(scope, '2026-01-01', 'C1', 'D1'),
    keys.dossier(scope, 'D1'),
    keys.dossierIndexes(scope, { id: 'D1', status: 'opened', organismId: 'O1' }),
    keys.deadlineIndex(scope, 'D1', '2026-01-01'),
    keys.evaluation(scope, 'D1', 'E1'),
    keys.trainingPlan(scope, 'D1', 'P1'),
    keys.referentiel('R1'),
    keys.referentielListing('CLEA', 'R1'),
    keys.currentReferentiel('CLEA'),
    keys.juryMember('84', 'U1'),
    keys.pipelineEntry('84', 'D1'),
    keys.jurySession('84', 'S1'),
    keys.agendaEntry('S1', 'D1'),
    keys.jurySettings(),
    keys.certificate('CLEA-X'),
    keys.statusListCounter(),
    keys.statusList(0),
    keys.certificatesBySession('S1', 'CLEA-X'),
    keys.certificateListings('T1', '2026-01-01', 'CLEA-X'),
    keys.dossierCertificate(scope, 'D1'),
    keys.dossierAudit(scope, 'D1', at, 'E1'),
    keys.tenantAudit('T1', at, 'E1'),
    keys.platformAudit(at, 'E1'),
    keys.counterCell({
      month: '2026-01',
      region: '84',
      tenantId: 'T1',
      organismId: 'O1',
      certification: 'CLEA',
    }),
    keys.feeSchedule('2026-01'),
    keys.dataProtectionSettings(),
    keys.idempotency(keys.idempotencyScope('T1'), 'k'),
    keys.idempotency(keys.idempotencyScope(undefined), 'k'),
  ];
  return built.flatMap((key) =>
    Object.entries(key)
      .filter(([attribute]) => attribute === 'pk' || /^gsi\dpk$/.test(attribute))
      .map(([, value]) => String(value)),
  );
};

describe('Constant: KEY_PREFIXES', () => {
  it('covers every partition key the key builders produce', () => {
    const prefixes: string[] = Object.values(KEY_PREFIXES);
    const fixed: string[] = Object.values(FIXED_PARTITIONS);
    const uncovered = partitionKeys().filter(
      (pk) => !fixed.includes(pk) && !prefixes.some((p) => pk.startsWith(p)),
    );
    expect(uncovered).toEqual([]);
  });

  it('builds IAM leading-key patterns from the prefixes', () => {
    expect(leadingKeysUnder(KEY_PREFIXES.tenant)).toBe('T#*');
    expect(leadingKeysUnder(KEY_PREFIXES.tenantAudit)).toBe('AUDIT#T#*');
    expect(tenantPartitionsEnding(TENANT_PARTITION_SUFFIXES.counters)).toBe('T#*#STATS');
    expect(keys.tenantCounters(scope).pk).toMatch(/^T#[^#]+#STATS$/);
  });

  it('keeps the platform trail out of the tenant trails grant', () => {
    expect(FIXED_PARTITIONS.platformAudit.startsWith(KEY_PREFIXES.audit)).toBe(true);
    expect(FIXED_PARTITIONS.platformAudit.startsWith(KEY_PREFIXES.tenantAudit)).toBe(false);
  });
});
