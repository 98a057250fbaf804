import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { statementTable, volumesTable } from './exports.ts';
import { DEFAULT_FEES, feesInForce, usageStatementOf } from './fees.ts';
import { pipelineByAge } from './pipelineAge.ts';
import { aggregateVolumes } from './volumes.ts';

describe('toCsv', () => {
  const rows = [
    ['Région', 'Certificats', 'Délai'],
    ['Provence-Alpes-Côte d’Azur; Corse', 12, 45.5],
    ['=HYPERLINK("x")', 0, null],
  ];

  it('writes what French Excel opens: BOM, semicolons, decimal commas, CRLF', () => {
    const csv = toCsv(rows, { dialect: 'excel' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Région;Certificats;Délai');
    // The separator inside a value is quoted; decimals use a comma.
    expect(lines[1]).toBe('"Provence-Alpes-Côte d’Azur; Corse";12;45,5');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes plain RFC 4180 without BOM, commas and points', () => {
    const csv = toCsv(rows, { dialect: 'plain' });
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[1]).toBe('Provence-Alpes-Côte d’Azur; Corse,12,45.5');
  });

  it('neutralises formulas and doubles quotes', () => {
    const csv = toCsv(rows, { dialect: 'plain' });
    expect(csv.split('\r\n')[2]).toBe(`"'=HYPERLINK(""x"")",0,`);
  });
});

describe('usage statements', () => {
  const schedules = [
    {
      effectiveFrom: '2026-07',
      fees: { ...DEFAULT_FEES, clea: { preliminaryEvaluation: 2500, certificate: 600 } },
      version: 1,
      updatedAt: '2026-06-01T00:00:00.000Z',
      updatedBy: 'admin',
    },
  ];

  it('applies the defaults before the first schedule and the schedule from its month on', () => {
    expect(feesInForce(schedules, '2026-06')).toEqual({ fees: DEFAULT_FEES, effectiveFrom: null });
    expect(feesInForce(schedules, '2026-07').effectiveFrom).toBe('2026-07');
    expect(feesInForce(schedules, '2027-01').fees.clea.certificate).toBe(600);
  });

  it('prices preliminary evaluations and certificates per certification, every line listed', () => {
    const statement = usageStatementOf({
      tenant: { id: 'T1', name: 'Réseau Sud' },
      month: '2026-06',
      countsByCertification: { clea: { preliminaryDone: 10, certified: 4 } },
      schedules,
      generatedAt: '2026-07-01T00:00:00.000Z',
    });
    expect(statement.lines).toHaveLength(4);
    // 10 × 20 € + 4 × 5 € = 220 €; CléA numérique at zero.
    expect(statement.totalCents).toBe(22_000);
    expect(
      statement.lines.find((l) => l.certification === 'clea-numerique' && l.item === 'certificate'),
    ).toEqual({
      certification: 'clea-numerique',
      item: 'certificate',
      quantity: 0,
      unitCents: 1000,
      amountCents: 0,
    });
    const csv = toCsv(statementTable(statement), { dialect: 'excel' });
    expect(csv).toContain('Réseau Sud;2026-06;CléA;Évaluations préalables;10;20;200');
    expect(csv).toContain('Réseau Sud;2026-06;Total;;;;220');
  });
});

describe('volumesTable', () => {
  it('has a header, a line per group and the total', () => {
    const volumes = {
      groupBy: 'region' as const,
      ...aggregateVolumes(
        [
          {
            month: '2026-01',
            region: '11',
            tenantId: 'T',
            organismId: 'O',
            certification: 'clea' as const,
            opened: 4,
          },
        ],
        { from: '2026-01', to: '2026-01', groupBy: 'region' },
        () => 'Île-de-France',
      ),
    };
    const table = volumesTable(volumes);
    expect(table[0]?.[0]).toBe('Région');
    expect(table[0]?.[1]).toBe('Dossiers ouverts');
    expect(table[1]?.slice(0, 2)).toEqual(['Île-de-France', 4]);
    expect(table.at(-1)?.slice(0, 2)).toEqual(['Total', 4]);
  });
});

describe('pipelineByAge', () => {
  it('puts each waiting dossier in one age bucket', () => {
    const now = new Date('2026-11-23T12:00:00.000Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    const buckets = pipelineByAge(
      [
        { submittedAt: daysAgo(0) },
        { submittedAt: daysAgo(30) },
        { submittedAt: daysAgo(31) },
        { submittedAt: daysAgo(200) },
      ],
      now,
    );
    expect(buckets.map((b) => b.count)).toEqual([2, 1, 0, 1]);
  });
});
