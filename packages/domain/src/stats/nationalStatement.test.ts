import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import type { FeeSchedule } from './fees.ts';
import { usageStatementOf } from './fees.ts';
import {
  StatementPeriod,
  nationalStatementOf,
  nationalStatementTable,
  periodLabel,
} from './nationalStatement.ts';

const tenants = [
  { id: 'B', name: 'Réseau Bêta' },
  { id: 'A', name: 'Réseau Alpha' },
];
const cell = (tenantId: string, month: string, preliminaryDone: number, certified: number) => ({
  tenantId,
  month,
  certification: 'clea' as const,
  preliminaryDone,
  certified,
});
/** From March on, a CléA certificate costs 6 € instead of the default 5 €. */
const schedules: FeeSchedule[] = [
  {
    effectiveFrom: '2026-03',
    fees: {
      clea: { preliminaryEvaluation: 2000, certificate: 600 },
      'clea-numerique': { preliminaryEvaluation: 0, certificate: 1000 },
    },
    version: 1,
    updatedAt: '2026-02-20T10:00:00.000Z',
    updatedBy: 'Admin',
  },
];
const generatedAt = '2026-12-08T10:00:00.000Z';

describe('nationalStatementOf', () => {
  it('gives each network of a month the total of its own statement, and the national sum', () => {
    const cells = [cell('A', '2026-04', 2, 1), cell('A', '2026-04', 1, 1), cell('B', '2026-04', 0, 3)];
    const statement = nationalStatementOf({ period: '2026-04', tenants, cells, schedules, generatedAt });
    expect(statement.networks.map((n) => n.tenant.name)).toEqual(['Réseau Alpha', 'Réseau Bêta']);
    const own = usageStatementOf({
      tenant: tenants[1] as { id: string; name: string },
      month: '2026-04',
      countsByCertification: { clea: { preliminaryDone: 3, certified: 2 } },
      schedules,
      generatedAt,
    });
    expect(statement.networks[0]?.totalCents).toBe(own.totalCents);
    expect(statement.networks[1]?.totalCents).toBe(3 * 600);
    expect(statement.total.totalCents).toBe(own.totalCents + 1800);
    expect(statement.feesEffectiveFrom).toEqual(['2026-03']);
  });

  it('prices each month of a year at its own fees; the unit price is then variable', () => {
    const cells = [cell('A', '2026-02', 0, 1), cell('A', '2026-05', 0, 1), cell('A', '2025-05', 0, 9)];
    const statement = nationalStatementOf({ period: '2026', tenants, cells, schedules, generatedAt });
    expect(statement.months).toHaveLength(12);
    const certificates = statement.networks[0]?.lines.find(
      (l) => l.certification === 'clea' && l.item === 'certificate',
    );
    expect(certificates).toMatchObject({ quantity: 2, unitCents: null, amountCents: 500 + 600 });
    expect(statement.networks[1]?.totalCents).toBe(0);
    expect(statement.feesEffectiveFrom).toEqual([null, '2026-03']);
  });

  it('counts a network missing from the list under a neutral name, never its id', () => {
    const statement = nationalStatementOf({
      period: '2026-04',
      tenants: [],
      cells: [cell('01JX0000000000000000000000', '2026-04', 1, 0)],
      schedules: [],
      generatedAt,
    });
    expect(statement.networks[0]?.tenant.name).toBe('Réseau inconnu');
    expect(statement.total.totalCents).toBe(2000);
  });
});

describe('nationalStatementTable', () => {
  it('writes French headers, a French period and the national lines last', () => {
    const statement = nationalStatementOf({
      period: '2026-04',
      tenants,
      cells: [cell('A', '2026-04', 1, 1)],
      schedules: [],
      generatedAt,
    });
    const csv = toCsv(nationalStatementTable(statement), { dialect: 'excel' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFRéseau;Période;Certification;Prestation;Quantité;Prix unitaire (€);Montant (€)',
    );
    expect(lines[1]).toBe('Réseau Alpha;avril 2026;CléA;Évaluations préalables;1;20;20');
    expect(lines.at(-2)).toBe('Tous les réseaux;avril 2026;Total;;;;25');
  });
});

describe('StatementPeriod and periodLabel', () => {
  it('takes a month or a year, and says it in French', () => {
    expect(StatementPeriod.safeParse('2026-04').success).toBe(true);
    expect(StatementPeriod.safeParse('2026').success).toBe(true);
    expect(StatementPeriod.safeParse('2026-13').success).toBe(false);
    expect(periodLabel('2026')).toBe('année 2026');
    expect(periodLabel('2026-04')).toBe('avril 2026');
  });
});
