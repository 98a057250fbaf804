/**
 * The blocks of the subject access document (GDPR art. 15), top to bottom: who holds the data and
 * for how long, the identity, then each dossier with everything recorded on it, its history last.
 * Written to the candidate ("vous"): it is handed to them.
 */
import {
  candidateStatusLabels,
  certificationLabels,
  dossierStatusLabels,
  fundingLabels,
  moduleLabels,
  prescriberLabels,
  auditActionName,
  consentTextLabel,
  roleLabels,
} from '@socle/domain';
import type { DossierStatus, Role, SubjectAccessExport } from '@socle/domain';
import { NBSP, formatDateFr, formatShortDateFr, frenchTypography, localDateTime, plural } from '../format.ts';
import type { PageCursor } from '../layout/pageCursor.ts';
import { drawTable } from '../layout/table.ts';
import { theme } from '../layout/theme.ts';

type Entry = SubjectAccessExport['dossiers'][number];

const LABEL_WIDTH = 150;
const TABLE_SIZE = 8.5;

const statusLabel = (status: string | undefined) =>
  status && status in dossierStatusLabels ? dossierStatusLabels[status as DossierStatus] : (status ?? '');

const rolesLabel = (roles: readonly string[]) =>
  roles.map((r) => (r in roleLabels ? roleLabels[r as Role] : r)).join(', ') || 'Système';

/** An instant as read in Paris: `14/03/2026 10 h 05`. */
const dateTimeFr = (instant: string) => {
  const { date, time } = localDateTime(instant, 'Europe/Paris');
  return `${formatShortDateFr(date)} ${time.replace(':', `${NBSP}h${NBSP}`)}`;
};

const field = (cursor: PageCursor, label: string, value: string | null | undefined) => {
  cursor.item({
    label,
    text: value ? frenchTypography(value) : '—',
    labelWidth: LABEL_WIDTH,
    labelStyle: { color: theme.colors.muted },
  });
};

const subheading = (cursor: PageCursor, text: string) => {
  cursor.space(8);
  cursor.heading(text, { size: theme.sizes.subheading, keepWithNext: cursor.lineHeight() * 3 });
  cursor.space(2);
};

const titleBlock = (cursor: PageCursor, input: SubjectAccessExport) => {
  cursor.paragraph('Vos données personnelles', {
    weight: 'bold',
    size: theme.sizes.title,
    color: theme.colors.accent,
  });
  cursor.space(2);
  cursor.paragraph(
    `Droit d’accès (RGPD, article 15) · ${frenchTypography(input.network.name)} · édité le ${formatDateFr(input.generatedAt.slice(0, 10))}`,
    { size: theme.sizes.small + 1, color: theme.colors.muted },
  );
  cursor.space(6);
  cursor.rule();
  cursor.space(8);
  cursor.paragraph(
    frenchTypography(
      `Ce document rassemble toutes les données conservées à votre sujet par ${input.network.name} pour votre parcours de certification : votre identité et vos coordonnées, vos dossiers, vos évaluations, votre plan de formation, les décisions du jury, votre certificat et l'historique de chaque dossier. La même chose existe sous une forme structurée (fichier JSON) à la demande.`,
    ),
  );
  cursor.space(6);
  const { retentionYears, erasableFrom } = input.retention;
  cursor.paragraph(
    frenchTypography(
      `Conservation : vos données sont gardées ${plural(retentionYears, 'an', 'ans')} après la dernière activité de votre dernier dossier clos (certifié, expiré ou abandonné)${erasableFrom ? `, soit jusqu'au ${formatDateFr(erasableFrom)} si rien ne change` : ''}. Ensuite, elles peuvent être effacées ; le registre des certificats ne garde que le minimum qui permet de vérifier un certificat (code, certification, dates, région, prénom et initiale du nom).`,
    ),
    { color: theme.colors.muted },
  );
  cursor.space(12);
};

const identityBlock = (cursor: PageCursor, { candidate }: SubjectAccessExport) => {
  cursor.heading('Identité et coordonnées', {
    size: theme.sizes.heading,
    keepWithNext: cursor.lineHeight() * 3,
  });
  cursor.space(2);
  field(cursor, 'Nom', candidate.lastName);
  if (candidate.birthName) field(cursor, 'Nom de naissance', candidate.birthName);
  field(cursor, 'Prénom', candidate.firstName);
  field(cursor, 'Date de naissance', formatDateFr(candidate.birthDate));
  field(cursor, 'Courriel', candidate.email);
  field(cursor, 'Téléphone', candidate.phone);
  field(cursor, 'Code postal', candidate.postalCode);
  field(cursor, 'Commune', candidate.city);
  cursor.space(12);
};

const pathBlock = (cursor: PageCursor, { dossier, organism, trainingOrganism }: Entry) => {
  field(cursor, 'Statut', statusLabel(dossier.status));
  field(cursor, 'Organisme évaluateur', organism?.name ?? dossier.organismId);
  field(cursor, 'Organisme de formation', trainingOrganism?.name ?? null);
  field(cursor, 'Votre situation', candidateStatusLabels[dossier.candidateStatus]);
  field(cursor, 'Prescripteur', prescriberLabels[dossier.prescriber]);
  field(cursor, 'Financement', fundingLabels[dossier.funding]);
  field(cursor, 'Sur le temps de travail', dossier.onWorkingTime ? 'oui' : 'non');
  field(cursor, 'Modules', dossier.modules.map((m) => moduleLabels[m]).join(', ') || null);
  field(cursor, 'Expérience déclarée', dossier.experience);
  field(
    cursor,
    'Votre accord',
    `donné le ${formatDateFr(dossier.consent.givenAt.slice(0, 10))} (${consentTextLabel(dossier.consent.textVersion)})`,
  );
  if (dossier.preliminaryEvaluatedOn)
    field(cursor, 'Évaluation préalable', formatDateFr(dossier.preliminaryEvaluatedOn));
  if (dossier.deadline) field(cursor, 'Échéance du parcours', formatDateFr(dossier.deadline));
  if (dossier.withdrawalReason) field(cursor, 'Motif d’abandon', dossier.withdrawalReason);
};

const evaluationsBlock = (cursor: PageCursor, { evaluations }: Entry) => {
  if (evaluations.length === 0) return;
  subheading(cursor, 'Évaluations');
  for (const evaluation of evaluations) {
    const results = Object.entries(evaluation.results);
    const acquired = results.filter(([, r]) => r.status === 'acquired').map(([code]) => code);
    const notAcquired = results.filter(([, r]) => r.status === 'not_acquired').map(([code]) => code);
    const kind = evaluation.kind === 'preliminary' ? 'Évaluation préalable' : 'Évaluation finale';
    field(
      cursor,
      kind,
      `${evaluation.evaluatorName ?? 'évaluateur'}${evaluation.submittedAt ? `, validée le ${formatDateFr(evaluation.submittedAt.slice(0, 10))}` : ', en cours'}`,
    );
    for (const s of evaluation.sequences) {
      field(
        cursor,
        '',
        `Séquence du ${formatDateFr(s.date)} à ${s.start.replace(':', `${NBSP}h${NBSP}`)}, ${s.durationMinutes}${NBSP}min, ${s.mode === 'remote' ? 'à distance' : 'sur place'}`,
      );
    }
    field(cursor, '', `Critères acquis (${acquired.length}) : ${acquired.join(', ') || 'aucun'}`);
    field(cursor, '', `Critères non acquis (${notAcquired.length}) : ${notAcquired.join(', ') || 'aucun'}`);
    for (const [code, result] of results.filter(([, r]) => r.note)) {
      field(cursor, '', `Note sur le critère ${code} : ${result.note}`);
    }
    cursor.space(4);
  }
};

const planBlock = (cursor: PageCursor, { trainingPlan }: Entry) => {
  if (!trainingPlan) return;
  subheading(cursor, 'Plan de formation');
  field(cursor, 'Formateur', trainingPlan.trainerName ?? null);
  field(cursor, 'Objectifs', trainingPlan.objectives);
  field(cursor, 'Heures prévues', `${trainingPlan.plannedHours}${NBSP}h`);
  field(cursor, 'Critères visés', trainingPlan.targetedCriteria.join(', '));
  if (trainingPlan.sessions.length === 0) return;
  cursor.space(4);
  const width = cursor.width;
  drawTable(cursor, {
    caption: 'Séances',
    size: TABLE_SIZE,
    columns: [
      { header: 'Date', width: 62 },
      { header: 'Prévu', width: 40, align: 'right' },
      { header: 'Présence', width: 62 },
      { header: 'Thème et progression', width: width - 164 },
    ],
    rows: trainingPlan.sessions.map((s) => [
      formatShortDateFr(s.date),
      `${s.plannedHours}${NBSP}h`,
      s.attended === true
        ? `présent${s.attendedHours != null ? ` (${s.attendedHours}${NBSP}h)` : ''}`
        : s.attended === false
          ? 'absent'
          : '—',
      [
        { text: frenchTypography(s.topic ?? '—') },
        ...(s.progressNote ? [{ text: frenchTypography(s.progressNote), color: theme.colors.muted }] : []),
      ],
    ]),
  });
};

const juryBlock = (cursor: PageCursor, { juryDecisions }: Entry) => {
  if (juryDecisions.length === 0) return;
  subheading(cursor, 'Décisions du jury');
  for (const d of juryDecisions) {
    field(
      cursor,
      `Jury du ${formatShortDateFr(d.sessionDate)}`,
      `${d.decision === 'certified' ? 'certifié' : 'ajourné'}${d.reason ? ` – motif : ${d.reason}` : ''}`,
    );
  }
};

const certificateBlock = (cursor: PageCursor, { certificate }: Entry) => {
  if (!certificate) return;
  subheading(cursor, 'Certificat');
  field(cursor, 'Code', certificate.code);
  field(cursor, 'Certification', certificationLabels[certificate.certification]);
  field(
    cursor,
    'Statut',
    certificate.status === 'valid'
      ? 'valide'
      : `révoqué le ${formatDateFr(certificate.revokedOn ?? '')}${certificate.revocationReason ? ` (${certificate.revocationReason})` : ''}`,
  );
  field(cursor, 'Délivré le', formatDateFr(certificate.issuedOn));
  field(cursor, 'Au nom de', `${certificate.holder.firstName} ${certificate.holder.lastName}`);
  const copy = certificate.paperCopy;
  if (copy) {
    const { recipient } = copy;
    field(
      cursor,
      'Exemplaire papier',
      `${copy.status === 'sent' ? 'envoyé' : copy.status === 'printed' ? 'imprimé' : 'demandé'} – ${recipient.name}, ${recipient.addressLine}, ${recipient.postalCode} ${recipient.city}`,
    );
  }
};

const historyBlock = (cursor: PageCursor, { auditTrail }: Entry) => {
  if (auditTrail.length === 0) return;
  cursor.space(6);
  const width = cursor.width;
  drawTable(cursor, {
    caption: 'Historique du dossier',
    note: 'Chaque action enregistrée sur ce dossier, avec le rôle de la personne qui l’a faite.',
    size: TABLE_SIZE,
    columns: [
      { header: 'Date', width: 98 },
      { header: 'Action', width: width - 98 - 105 - 95 },
      { header: 'Par', width: 105 },
      { header: 'Statut', width: 95 },
    ],
    rows: auditTrail.map((event) => [
      dateTimeFr(event.at),
      auditActionName(event.action),
      rolesLabel(event.actor.roles),
      event.toStatus ? statusLabel(event.toStatus) : '',
    ]),
  });
};

const dossierBlock = (cursor: PageCursor, entry: Entry) => {
  const { dossier } = entry;
  cursor.heading(
    `Dossier ${certificationLabels[dossier.certification]} ouvert le ${formatDateFr(dossier.openedAt.slice(0, 10))}`,
    { size: theme.sizes.heading, keepWithNext: cursor.lineHeight() * 4 },
  );
  cursor.space(2);
  pathBlock(cursor, entry);
  evaluationsBlock(cursor, entry);
  planBlock(cursor, entry);
  juryBlock(cursor, entry);
  certificateBlock(cursor, entry);
  historyBlock(cursor, entry);
  cursor.space(16);
};

export { dossierBlock, identityBlock, titleBlock };
