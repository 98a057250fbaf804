/**
 * The CSV exports of the dossiers list and of the certificate register, as staff open them in
 * Excel: French headers and labels, French dates, only what a person knows a row by (names, the
 * certificate code), never an internal id. The CSV itself (BOM, `;`, injection guard) is `toCsv`.
 */
import { certificationLabels, dossierStatusLabels } from '../labels.ts';
import { regionTimeZone } from '../path/regionTime.ts';
import type { Certificate } from '../schemas/certificate.ts';
import { regionOf } from '../schemas/common.ts';
import type { Dossier } from '../schemas/dossier.ts';
import { toCsv } from '../stats/csv.ts';
import type { CsvCell } from '../stats/csv.ts';

/** A calendar day (`2026-12-08`) → `08/12/2026`, the form French Excel reads as a date. */
const numericDay = (day: string | undefined): string => {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})/.exec(day) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
};

/** An instant → its day (`08/12/2026`) in the region's time zone: the day staff saw it happen. */
const numericDayOfInstant = (instant: string, region: string | undefined): string => {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: regionTimeZone(region),
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
};

type DossierExportItem = Pick<
  Dossier,
  'candidate' | 'certification' | 'organismId' | 'region' | 'status' | 'openedAt' | 'deadline'
>;

const DOSSIER_HEADERS = [
  'Nom',
  'Prénom',
  'Date de naissance',
  'Certification',
  'Organisme',
  'Statut',
  'Ouvert le',
  'Échéance',
] as const;

/** The dossiers file: one row per dossier, in the list's order; an unknown organism is said so. */
const dossiersCsv = (dossiers: readonly DossierExportItem[], organismNames: ReadonlyMap<string, string>) =>
  toCsv(
    [
      DOSSIER_HEADERS,
      ...dossiers.map((d): CsvCell[] => [
        d.candidate.lastName.toUpperCase(),
        d.candidate.firstName,
        numericDay(d.candidate.birthDate),
        certificationLabels[d.certification],
        organismNames.get(d.organismId) ?? 'Organisme inconnu',
        dossierStatusLabels[d.status],
        numericDayOfInstant(d.openedAt, d.region),
        numericDay(d.deadline ?? undefined),
      ]),
    ],
    { dialect: 'excel' },
  );

type RegisterExportItem = Pick<
  Certificate,
  'code' | 'certification' | 'status' | 'issuedOn' | 'revokedOn' | 'region' | 'holder'
>;

const REGISTER_HEADERS = [
  'Code',
  'Nom',
  'Prénom',
  'Certification',
  'Région',
  'Délivré le',
  'Statut',
  'Révoqué le',
] as const;

/** The holder's last name; after erasure only its initial is left ("D."). */
const holderLastName = (holder: RegisterExportItem['holder']): string =>
  holder.lastName ? holder.lastName.toUpperCase() : holder.lastInitial ? `${holder.lastInitial}.` : '';

/** The register file: one row per certificate, in the register's order. */
const registerCsv = (certificates: readonly RegisterExportItem[]) =>
  toCsv(
    [
      REGISTER_HEADERS,
      ...certificates.map((c): CsvCell[] => [
        c.code,
        holderLastName(c.holder),
        c.holder.firstName,
        certificationLabels[c.certification],
        regionOf(c.region).name,
        numericDay(c.issuedOn),
        c.status === 'revoked' ? 'Révoqué' : 'Valide',
        numericDay(c.revokedOn),
      ]),
    ],
    { dialect: 'excel' },
  );

/** `dossiers-2026-12-08.csv`: the file's name, dated the day it was made. */
const exportFileName = (list: 'dossiers' | 'registre-des-certificats', day: string): string =>
  `${list}-${day}.csv`;

export type { DossierExportItem, RegisterExportItem };
export { dossiersCsv, exportFileName, numericDay, registerCsv };
