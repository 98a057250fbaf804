/**
 * @internal Test fixture: usage statements built by the domain's own `usageStatementOf`, for the unit
 * tests and for rendering a sample by hand. Not exported from the package.
 */
import { usageStatementOf } from '@socle/domain';
import type { FeeSchedule, UsageStatement } from '@socle/domain';

const NETWORK_NAME = "Réseau Łukasz Öztürk-N'Diaye";

/** A schedule from January 2026 that raises the CléA preliminary evaluation to €22.50. */
const JANUARY_2026_FEES: FeeSchedule = {
  effectiveFrom: '2026-01',
  fees: {
    clea: { preliminaryEvaluation: 2250, certificate: 500 },
    'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
  },
  version: 1,
  updatedAt: '2025-12-15T10:00:00.000Z',
  updatedBy: 'admin-national',
};

const usageStatement = (
  overrides: { name?: string; schedules?: readonly FeeSchedule[]; generatedAt?: string } = {},
): UsageStatement =>
  usageStatementOf({
    tenant: { id: 'tenant-42', name: overrides.name ?? NETWORK_NAME },
    month: '2026-11',
    countsByCertification: {
      clea: { preliminaryDone: 1234, certified: 87 },
      'clea-numerique': { preliminaryDone: 0, certified: 12 },
    },
    schedules: overrides.schedules ?? [JANUARY_2026_FEES],
    // 08:30 UTC is 9:30 in Paris in December.
    generatedAt: overrides.generatedAt ?? '2026-12-01T08:30:00.000Z',
  });

export { JANUARY_2026_FEES, NETWORK_NAME, usageStatement };
