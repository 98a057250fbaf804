/**
 * The blocks of the procès-verbal of a jury session (SPEC §4), top to bottom: the session, the members
 * convened and the quorum, the candidates examined, the conflicts declared, the totals, the closing
 * statement and the signatures.
 */
import {
  NBSP,
  formatDateFr,
  formatShortDateFr,
  formatTimeFr,
  frenchTypography,
  localDateTime,
  plural,
} from '../format.ts';
import { drawTextLine } from '../layout/drawTextLine.ts';
import type { PageCursor } from '../layout/pageCursor.ts';
import type { CellText, TableColumn } from '../layout/table.ts';
import { drawTable } from '../layout/table.ts';
import { theme } from '../layout/theme.ts';
import { fitLine } from '../layout/wrapText.ts';
import type { MinutesInput } from '../types/minutes.ts';
import { regionTimeZone } from './regionTimeZone.ts';

type Candidate = MinutesInput['candidates'][number];
type Member = MinutesInput['members'][number];

const MINUTES_TITLE = 'Procès-verbal de la session du jury paritaire régional CléA';

/** Table text size: small enough for long sessions, large enough to read printed. */
const TABLE_SIZE = 8.5;

/** Space between sections; a session of a few candidates fits on one page, signatures included. */
const SECTION_GAP = 12;

const collegeLabels: Record<NonNullable<Member['college']> | 'none', string> = {
  employer: 'Collège employeurs',
  employee: 'Collège salariés',
  none: '—',
};

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** By last name, then first name, then date of birth: a stable order for namesakes. */
const byLastName = (a: Candidate, b: Candidate): number =>
  collator.compare(a.lastName, b.lastName) ||
  collator.compare(a.firstName, b.firstName) ||
  (a.birthDate ?? '').localeCompare(b.birthDate ?? '');

/** Employers' college, then employees', then anyone without one; input order inside each. */
const byCollege = (members: readonly Member[]): Member[] => [
  ...members.filter((m) => m.college === 'employer'),
  ...members.filter((m) => m.college === 'employee'),
  ...members.filter((m) => m.college === null),
];

/** `1re`, `2e`, `3e`: French ordinal abbreviations. */
const ordinal = (n: number): string => (n === 1 ? '1re' : `${n}e`);

/** `15 décembre 2026 à 17 h 42`, in the region's time zone. */
const closingMoment = (input: MinutesInput): string | undefined => {
  if (!input.session.closedAt) return undefined;
  const { date, time } = localDateTime(input.session.closedAt, regionTimeZone(input.region.code));
  return `${formatDateFr(date)} à ${formatTimeFr(time)}`;
};

const sessionLabel = (input: MinutesInput): string => `session du ${formatDateFr(input.session.date)}`;

const titleBlock = (cursor: PageCursor, input: MinutesInput): void => {
  cursor.paragraph(`Certification CléA · jury paritaire régional · ${frenchTypography(input.region.name)}`, {
    size: theme.sizes.small + 1,
    color: theme.colors.muted,
  });
  cursor.space(6);
  cursor.paragraph(MINUTES_TITLE, {
    weight: 'bold',
    size: theme.sizes.title - 2,
    color: theme.colors.accent,
  });
  cursor.space(2);
  cursor.paragraph(`Région ${frenchTypography(input.region.name)} · ${sessionLabel(input)}`, {
    size: theme.sizes.heading - 1,
  });
  cursor.space(6);
  cursor.rule();
  cursor.space(8);
};

const sessionBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const { session } = input;
  const closing = closingMoment(input);
  const fields: [string, string | null | undefined][] = [
    // The region's name only: its INSEE code means nothing to a reader (issue 17: no "région 11").
    ['Région', frenchTypography(input.region.name)],
    [
      'Date et heure',
      `${formatDateFr(session.date)}, ouverture de la séance à ${formatTimeFr(session.startTime)}`,
    ],
    ['Lieu', session.place ? frenchTypography(session.place) : null],
    ['Visioconférence', session.videoLink],
    ['Secrétaire du jury', input.secretary ? frenchTypography(input.secretary.name) : null],
    ['Clôture', closing],
    // No internal reference: a procès-verbal is read by people (the session is named by its region and day).
  ];
  for (const [label, value] of fields) {
    if (!value) continue;
    cursor.item({
      label,
      text: value,
      labelWidth: 120,
      labelStyle: { color: theme.colors.muted },
    });
  }
  cursor.space(SECTION_GAP);
};

/** The quorum statement, from the members present. */
const quorumStatement = (members: readonly Member[]): string => {
  const present = members.filter((m) => m.present);
  const employers = present.filter((m) => m.college === 'employer').length;
  const employees = present.filter((m) => m.college === 'employee').length;
  const counts = `${plural(employers, 'membre', 'membres')} du collège employeurs, ${employees} du collège salariés`;
  // Only a session that could deliberate is called paritary; the minutes state what was, either way.
  if (employers > 0 && employers === employees) {
    return `Le jury a siégé en formation paritaire${NBSP}: ${counts}.`;
  }
  return `Membres présents${NBSP}: ${counts}. Le jury n’était pas en formation paritaire.`;
};

const membersBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const width = cursor.width;
  const columns: TableColumn[] = [
    { header: 'Membre convoqué', width: width - 250 },
    { header: 'Collège', width: 160 },
    { header: 'Présence', width: 90 },
  ];
  drawTable(cursor, {
    caption: 'Membres convoqués',
    columns,
    size: TABLE_SIZE + 0.5,
    rows: byCollege(input.members).map((m) => [
      frenchTypography(m.name),
      collegeLabels[m.college ?? 'none'],
      m.present ? 'Présent' : { text: 'Absent', color: theme.colors.muted },
    ]),
  });
  cursor.space(8);
  cursor.paragraph(quorumStatement(input.members));
  cursor.space(SECTION_GAP);
};

/** "Marie Dupont, Pierre Martin", or a dash when nobody. */
const names = (list: readonly string[]): string =>
  list.length ? list.map(frenchTypography).join(', ') : '—';

/** Per candidate: who was present, who voted what, who abstained or was conflicted, the votes needed. */
const deliberationLines = (candidate: Candidate): CellText[] => {
  const d = candidate.deliberation;
  if (!d) return [];
  const small = TABLE_SIZE - 0.5;
  return [
    { text: `Présents${NBSP}: ${names(d.present)}`, size: small, color: theme.colors.muted },
    {
      text: `Pour certifier${NBSP}: ${names(d.certify)} · pour ajourner${NBSP}: ${names(d.adjourn)}${d.abstained.length ? ` · sans vote${NBSP}: ${names(d.abstained)}` : ''}`,
      size: small,
    },
    ...(d.conflicted.length
      ? [{ text: `N’ont pas voté (lien déclaré)${NBSP}: ${names(d.conflicted)}`, size: small }]
      : []),
    {
      text: `${plural(d.voters, 'votant', 'votants')}, ${plural(d.required, 'voix requise', 'voix requises')}`,
      size: small,
      color: theme.colors.muted,
    },
  ];
};

const decisionCell = (candidate: Candidate): CellText[] => {
  if (candidate.decision === 'returned') {
    return [
      { text: 'Sans décision', weight: 'bold' },
      { text: 'Retour aux dossiers en attente du jury', size: TABLE_SIZE - 0.5 },
    ];
  }
  const outcome: CellText[] =
    candidate.decision === 'certified'
      ? [
          { text: 'Certifié', weight: 'bold', color: theme.colors.success },
          ...(candidate.certificateCode
            ? [{ text: candidate.certificateCode, size: TABLE_SIZE - 0.5, color: theme.colors.muted }]
            : []),
        ]
      : [
          { text: 'Ajourné', weight: 'bold' },
          ...(candidate.reason
            ? [{ text: `Motif${NBSP}: ${frenchTypography(candidate.reason)}`, size: TABLE_SIZE - 0.5 }]
            : []),
        ];
  return [...outcome, ...deliberationLines(candidate)];
};

/** Column headers of the candidates table (the tests look for them on every page of the table). */
const CANDIDATE_COLUMNS = [
  'N°',
  'Candidat',
  'Réseau · organisme évaluateur',
  'Présentation',
  'Décision',
] as const;

/** Points; the decision takes the rest of the width (reasons of adjournment can be long). */
const CANDIDATE_WIDTHS = [26, 110, 122, 64] as const;

const candidatesBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const rest = cursor.width - CANDIDATE_WIDTHS.reduce((sum, w) => sum + w, 0);
  const columns = CANDIDATE_COLUMNS.map((header, index) => ({
    header,
    width: CANDIDATE_WIDTHS[index] ?? rest,
  }));
  const candidates = [...input.candidates].sort(byLastName);
  const small = TABLE_SIZE - 0.5;
  drawTable(cursor, {
    caption: 'Candidats examinés',
    columns,
    size: TABLE_SIZE,
    rows: candidates.map((c, index) => [
      { text: String(index + 1), color: theme.colors.muted },
      [
        { text: frenchTypography(c.lastName), weight: 'bold' },
        { text: frenchTypography(c.firstName) },
        ...(c.birthDate
          ? [{ text: `né(e) le ${formatShortDateFr(c.birthDate)}`, size: small, color: theme.colors.muted }]
          : []),
      ],
      [
        { text: frenchTypography(c.networkName) },
        { text: frenchTypography(c.evaluatingOrganism), size: small, color: theme.colors.muted },
      ],
      ordinal(c.presentation),
      decisionCell(c),
    ]),
  });
  cursor.space(SECTION_GAP);
};

const conflictsBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const caption = 'Conflits d’intérêts déclarés';
  if (input.conflicts.length === 0) {
    cursor.heading(caption, { size: theme.sizes.heading - 1, keepWithNext: cursor.lineHeight() * 2 });
    cursor.space(2);
    cursor.paragraph(
      `Aucun conflit d’intérêts n’a été déclaré${NBSP}: les membres présents ont pu voter sur chaque candidat.`,
    );
    cursor.space(SECTION_GAP);
    return;
  }
  const width = cursor.width;
  drawTable(cursor, {
    caption,
    note: 'Les membres ci-dessous, liés au candidat ou à son organisme, n’ont pas pris part au vote sur ce candidat.',
    columns: [
      { header: 'Membre', width: 130 },
      { header: 'Candidat', width: 130 },
      { header: 'Motif', width: width - 260 },
    ],
    size: TABLE_SIZE,
    rows: input.conflicts.map((c) => [
      frenchTypography(c.memberName),
      frenchTypography(c.candidateName),
      frenchTypography(c.reason),
    ]),
  });
  cursor.space(SECTION_GAP);
};

const totalsBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const certified = input.candidates.filter((c) => c.decision === 'certified').length;
  const adjourned = input.candidates.filter((c) => c.decision === 'adjourned').length;
  const returned = input.candidates.filter((c) => c.decision === 'returned').length;
  cursor.heading('Résultats', { size: theme.sizes.heading - 1, keepWithNext: cursor.lineHeight() * 2 });
  cursor.space(2);
  cursor.paragraph(
    `${plural(input.candidates.length, 'candidat examiné', 'candidats examinés')}${NBSP}: ` +
      `${plural(certified, 'certifié', 'certifiés')}, ${plural(adjourned, 'ajourné', 'ajournés')}` +
      (returned
        ? `, ${plural(returned, 'sans décision', 'sans décision')} (retour aux dossiers en attente)`
        : '') +
      '.',
    { weight: 'bold' },
  );
  cursor.space(SECTION_GAP);
};

const SIGNATURES = [
  'Le secrétaire du jury',
  'Pour le collège employeurs',
  'Pour le collège salariés',
] as const;
/** Room for the three signatures: titles, names, and the space to sign above a line. */
const SIGNATURE_HEIGHT = 76;

const closingBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const closing = closingMoment(input);
  const statements = [
    closing ? `La séance a été close le ${closing}.` : undefined,
    'Fait pour servir et valoir ce que de droit.',
    `Procès-verbal établi le ${formatDateFr(input.issuedOn)}.`,
  ].filter((s): s is string => s !== undefined);
  const gap = 12;
  // The statements and the signatures stay on one page: a signature never sits alone on a page.
  cursor.ensure(12 + statements.length * cursor.lineHeight() + gap + SIGNATURE_HEIGHT);
  // On a fresh page the running header's rule already separates it.
  if (cursor.y < cursor.top) cursor.rule();
  cursor.space(6);
  for (const statement of statements) cursor.paragraph(statement);
  cursor.space(gap);
  signaturesBlock(cursor, input);
};

const signaturesBlock = (cursor: PageCursor, input: MinutesInput): void => {
  const { page, left } = cursor;
  const gap = 16;
  const width = (cursor.width - gap * (SIGNATURES.length - 1)) / SIGNATURES.length;
  const top = cursor.y;
  const size = theme.sizes.body - 1;
  SIGNATURES.forEach((title, index) => {
    const x = left + index * (width + gap);
    drawTextLine(page, title, { x, y: top - size, size, font: cursor.fonts.bold, color: theme.colors.text });
    const name =
      index === 0 && input.secretary
        ? frenchTypography(input.secretary.name).normalize('NFC')
        : `Nom${NBSP}:`;
    drawTextLine(page, fitLine({ text: name, font: cursor.fonts.regular, size, maxWidth: width }), {
      x,
      y: top - size - size * theme.leading,
      size,
      font: cursor.fonts.regular,
      color: theme.colors.muted,
    });
    // The space to sign in, closed by a line.
    page.drawLine({
      start: { x, y: top - SIGNATURE_HEIGHT + 8 },
      end: { x: x + width, y: top - SIGNATURE_HEIGHT + 8 },
      thickness: 0.6,
      color: theme.colors.rule,
    });
  });
  cursor.y = top - SIGNATURE_HEIGHT;
};

export {
  CANDIDATE_COLUMNS,
  MINUTES_TITLE,
  candidatesBlock,
  closingBlock,
  conflictsBlock,
  membersBlock,
  sessionBlock,
  sessionLabel,
  titleBlock,
  totalsBlock,
};
