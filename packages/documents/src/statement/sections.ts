/**
 * The blocks of the usage statement (relevé d'utilisation, SPEC §6), top to bottom: title, who and
 * when, the billable lines with their total, and the tax note.
 */
import type { UsageStatement } from '@socle/domain';
import { certificationLabels, formatEuros, statementItemLabels } from '@socle/domain';
import { formatDateFr, formatTimeFr, frenchTypography, localDateTime, parseIsoDate } from '../format.ts';
import type { PageCursor } from '../layout/pageCursor.ts';
import type { TableCell, TableColumn } from '../layout/table.ts';
import { drawTable } from '../layout/table.ts';
import { theme } from '../layout/theme.ts';

const STATEMENT_TITLE = 'Relevé d’utilisation';
const ISSUER = 'Socle — plateforme CléA';
/** The platform is run from mainland France: the generation time is printed in Paris time. */
const ISSUER_TIME_ZONE = 'Europe/Paris';
/** Not « TVA non applicable »: that is a legal claim (art. 293 B du CGI) the platform cannot make. */
const TAX_NOTE = 'Montants exprimés en euros hors taxes.';

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const quantityFormat = new Intl.NumberFormat('fr-FR');

/** `2026-11` → `novembre 2026`; throws `InvalidDateError` on anything but a `YYYY-MM` month. */
const formatMonthFr = (month: string): string => monthFormat.format(parseIsoDate(`${month}-01`));

/** `2026-12-01T08:30:00Z` → `1er décembre 2026 à 9 h 30 (heure de Paris)`. */
const generatedLabel = (generatedAt: string): string => {
  const { date, time } = localDateTime(generatedAt, ISSUER_TIME_ZONE);
  return `${formatDateFr(date)} à ${formatTimeFr(time)} (heure de Paris)`;
};

/** The day the statement was generated, in Paris: the PDF's creation date. */
const generatedOn = (generatedAt: string): string => localDateTime(generatedAt, ISSUER_TIME_ZONE).date;

const feesLabel = (feesEffectiveFrom: string | null): string =>
  feesEffectiveFrom ? `Tarifs en vigueur depuis ${formatMonthFr(feesEffectiveFrom)}` : 'Tarifs par défaut';

const titleBlock = (cursor: PageCursor, statement: UsageStatement): void => {
  cursor.paragraph(STATEMENT_TITLE, { weight: 'bold', size: theme.sizes.title, color: theme.colors.accent });
  cursor.space(2);
  cursor.paragraph(formatMonthFr(statement.month), { size: theme.sizes.heading, color: theme.colors.muted });
  cursor.space(6);
  cursor.rule();
  cursor.space(8);
};

const identityBlock = (cursor: PageCursor, statement: UsageStatement): void => {
  const fields: [string, string, 'bold' | 'regular'][] = [
    ['Réseau', frenchTypography(statement.tenant.name), 'bold'],
    ['Période', formatMonthFr(statement.month), 'regular'],
    ['Émetteur', ISSUER, 'regular'],
    ['Généré le', generatedLabel(statement.generatedAt), 'regular'],
    ['Tarifs appliqués', feesLabel(statement.feesEffectiveFrom), 'regular'],
  ];
  for (const [label, text, weight] of fields) {
    cursor.item({
      label,
      text,
      labelWidth: 110,
      labelStyle: { weight: 'regular', color: theme.colors.muted },
      textStyle: { weight },
    });
  }
  cursor.space(16);
};

/** Column widths for a text box `width` points wide; the amount column takes what is left. */
const columnsFor = (width: number): TableColumn[] => {
  const fixed = { certification: 100, item: 150, quantity: 62, unit: 80 };
  return [
    { header: 'Certification', width: fixed.certification },
    { header: 'Prestation', width: fixed.item },
    { header: 'Quantité', width: fixed.quantity, align: 'right' },
    { header: 'Prix unitaire', width: fixed.unit, align: 'right' },
    {
      header: 'Montant',
      width: width - fixed.certification - fixed.item - fixed.quantity - fixed.unit,
      align: 'right',
    },
  ];
};

const lineRow = (line: UsageStatement['lines'][number]): TableCell[] => [
  certificationLabels[line.certification],
  statementItemLabels[line.item],
  quantityFormat.format(line.quantity),
  formatEuros(line.unitCents),
  formatEuros(line.amountCents),
];

const linesBlock = (cursor: PageCursor, statement: UsageStatement): void => {
  drawTable(cursor, {
    caption: 'Prestations du mois',
    note: 'Évaluations préalables réalisées et certificats délivrés dans le mois. Chaque prestation facturable figure, même à zéro.',
    columns: columnsFor(cursor.width),
    rows: [
      ...statement.lines.map(lineRow),
      [
        { text: 'Total', weight: 'bold' },
        '',
        '',
        '',
        { text: formatEuros(statement.totalCents), weight: 'bold' },
      ],
    ],
  });
  cursor.space(8);
  cursor.paragraph(TAX_NOTE, { color: theme.colors.muted });
};

export {
  ISSUER,
  STATEMENT_TITLE,
  TAX_NOTE,
  formatMonthFr,
  generatedOn,
  identityBlock,
  linesBlock,
  titleBlock,
};
