/** Tables as the CSV exports write them: the volumes on screen, and a usage statement. */
import { certificationLabels } from '../labels.ts';
import { counterNames, delayNames } from './counters.ts';
import type { UsageStatement } from './fees.ts';
import { counterLabels, delayLabels, groupingLabels, statementItemLabels } from './labels.ts';
import type { CsvCell } from './csv.ts';
import type { VolumesResponse } from './volumes.ts';

/** Header then one line per group, then the total: what the dashboard's table shows. */
const volumesTable = (volumes: Pick<VolumesResponse, 'groupBy' | 'rows' | 'total'>): CsvCell[][] => {
  const header: CsvCell[] = [
    groupingLabels[volumes.groupBy],
    ...counterNames.map((n) => counterLabels[n]),
    ...delayNames.flatMap((d) => [
      `Délai médian ${delayLabels[d]} (jours)`,
      `Délai moyen ${delayLabels[d]} (jours)`,
    ]),
  ];
  const line = (row: VolumesResponse['total']): CsvCell[] => [
    row.label,
    ...counterNames.map((n) => row.counts[n]),
    ...delayNames.flatMap((d) => [row.delays[d].medianDays, row.delays[d].meanDays]),
  ];
  return [header, ...volumes.rows.map(line), line(volumes.total)];
};

/** Amounts in euros with two decimals (the CSV dialect decides the decimal separator). */
const euros = (cents: number) => Number((cents / 100).toFixed(2));

const statementTable = (statement: UsageStatement): CsvCell[][] => [
  ['Réseau', 'Mois', 'Certification', 'Prestation', 'Quantité', 'Prix unitaire (€)', 'Montant (€)'],
  ...statement.lines.map((l) => [
    statement.tenant.name,
    statement.month,
    certificationLabels[l.certification],
    statementItemLabels[l.item],
    l.quantity,
    euros(l.unitCents),
    euros(l.amountCents),
  ]),
  [statement.tenant.name, statement.month, 'Total', '', '', '', euros(statement.totalCents)],
];

export { statementTable, volumesTable };
