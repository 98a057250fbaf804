/**
 * The consolidated national usage statement (issue 17) as a PDF: what each network owes for the
 * month or the year, then the national lines by certification and item, with the total. The blocks
 * and wording are the per-network statement's (../statement/sections.ts).
 */
import { certificationLabels, formatEuros, periodLabel, statementItemLabels } from '@socle/domain';
import type { NationalStatement, NationalStatementLine } from '@socle/domain';
import { frenchTypography } from '../format.ts';
import { createPdf } from '../layout/createPdf.ts';
import { decoratePages } from '../layout/decoratePages.ts';
import { PageCursor } from '../layout/pageCursor.ts';
import type { TableCell } from '../layout/table.ts';
import { drawTable } from '../layout/table.ts';
import { theme } from '../layout/theme.ts';
import { ISSUER, STATEMENT_TITLE, TAX_NOTE, formatMonthFr, generatedOn } from '../statement/sections.ts';
import type { RenderOptions } from '../types/fonts.ts';

const TITLE = `${STATEMENT_TITLE} national`;
const quantityFormat = new Intl.NumberFormat('fr-FR');

const quantityOf = (lines: readonly NationalStatementLine[], item: NationalStatementLine['item']) =>
  lines.filter((l) => l.item === item).reduce((sum, l) => sum + l.quantity, 0);

const feesLabel = (applied: readonly (string | null)[]): string =>
  applied
    .map((from) => (from ? `tarifs en vigueur depuis ${formatMonthFr(from)}` : 'tarifs par défaut'))
    .join(', ');

const bold = (text: string): TableCell => ({ text, weight: 'bold' });

/** The statement as PDF bytes (A4, French). The same statement gives the same bytes. */
const renderNationalStatement = async (
  statement: NationalStatement,
  options: RenderOptions = {},
): Promise<Uint8Array> => {
  const period = periodLabel(statement.period);
  const { doc, fonts } = await createPdf({
    fonts: options.fonts,
    metadata: {
      title: `${TITLE} – ${period}`,
      subject: `Prestations facturables de tous les réseaux – ${period}`,
      keywords: ['relevé d’utilisation', 'national', 'CléA'],
      createdOn: generatedOn(statement.generatedAt),
    },
  });
  const cursor = new PageCursor({ doc, fonts });
  cursor.paragraph(TITLE, { weight: 'bold', size: theme.sizes.title, color: theme.colors.accent });
  cursor.space(2);
  cursor.paragraph(period.charAt(0).toUpperCase() + period.slice(1), {
    size: theme.sizes.heading,
    color: theme.colors.muted,
  });
  cursor.space(6);
  cursor.paragraph(`Tous les réseaux · ${ISSUER} · ${feesLabel(statement.feesEffectiveFrom)}`, {
    color: theme.colors.muted,
  });
  cursor.space(10);
  const fixed = { preliminary: 90, certified: 90, amount: 95 };
  drawTable(cursor, {
    caption: 'Par réseau',
    note: 'Évaluations préalables réalisées et certificats délivrés sur la période, chaque mois aux tarifs en vigueur ce mois-là.',
    columns: [
      { header: 'Réseau', width: cursor.width - fixed.preliminary - fixed.certified - fixed.amount },
      { header: 'Évaluations préalables', width: fixed.preliminary, align: 'right' },
      { header: 'Certificats délivrés', width: fixed.certified, align: 'right' },
      { header: 'Montant', width: fixed.amount, align: 'right' },
    ],
    rows: [
      ...statement.networks.map((n): TableCell[] => [
        frenchTypography(n.tenant.name),
        quantityFormat.format(quantityOf(n.lines, 'preliminary_evaluation')),
        quantityFormat.format(quantityOf(n.lines, 'certificate')),
        formatEuros(n.totalCents),
      ]),
      [
        bold('Tous les réseaux'),
        bold(quantityFormat.format(quantityOf(statement.total.lines, 'preliminary_evaluation'))),
        bold(quantityFormat.format(quantityOf(statement.total.lines, 'certificate'))),
        bold(formatEuros(statement.total.totalCents)),
      ],
    ],
  });
  cursor.space(14);
  const widths = { certification: 100, item: 150, quantity: 62, unit: 80 };
  drawTable(cursor, {
    caption: 'Total national par prestation',
    ...(statement.total.lines.some((l) => l.unitCents === null)
      ? { note: 'Prix unitaire « variable » : les tarifs ont changé au cours de la période.' }
      : {}),
    columns: [
      { header: 'Certification', width: widths.certification },
      { header: 'Prestation', width: widths.item },
      { header: 'Quantité', width: widths.quantity, align: 'right' },
      { header: 'Prix unitaire', width: widths.unit, align: 'right' },
      {
        header: 'Montant',
        width: cursor.width - widths.certification - widths.item - widths.quantity - widths.unit,
        align: 'right',
      },
    ],
    rows: [
      ...statement.total.lines.map((l): TableCell[] => [
        certificationLabels[l.certification],
        statementItemLabels[l.item],
        quantityFormat.format(l.quantity),
        l.unitCents === null ? 'variable' : formatEuros(l.unitCents),
        formatEuros(l.amountCents),
      ]),
      [bold('Total'), '', '', '', bold(formatEuros(statement.total.totalCents))],
    ],
  });
  cursor.space(8);
  cursor.paragraph(TAX_NOTE, { color: theme.colors.muted });
  decoratePages({
    doc,
    fonts,
    header: `${TITLE} · ${period}`,
    footer: `${ISSUER} · ${TITLE} · ${period}`,
  });
  return doc.save();
};

export { renderNationalStatement };
