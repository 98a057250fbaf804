/** Audit events in plain French; an unknown action code is shown as it is. */
import { dossierStatusLabels, roleLabels } from '@socle/domain';
import type { AuditEvent, DossierStatus, Role } from '@socle/domain';
import { contactLabels, pathLabels } from '$lib/dossiers';

/** State-machine actions are audited as `dossier.<action>` (see packages/data transitionDossier). */
const sentences: Record<string, string> = {
  'dossier.opened': 'a ouvert le dossier',
  'dossier.updated': 'a modifié le dossier',
  'dossier.withdraw': "a enregistré l'abandon du candidat",
  'dossier.withdrawn': "a enregistré l'abandon du candidat",
  'dossier.reopen': 'a rouvert le dossier',
  'dossier.reopened': 'a rouvert le dossier',
  'dossier.start_preliminary': "a commencé l'évaluation préalable",
  'dossier.complete_preliminary': "a terminé l'évaluation préalable",
  'dossier.start_final': "a commencé l'évaluation finale",
  'dossier.complete_final': "a terminé l'évaluation finale",
  'dossier.resume_training': 'a repris la formation',
  'dossier.submitted_to_jury': 'a présenté le dossier au jury de sa région',
  'dossier.read_by_jury': 'a consulté le dossier pour le jury',
  'dossier.add_to_agenda': "a inscrit le dossier à l'ordre du jour d'un jury",
  'dossier.remove_from_agenda': "a retiré le dossier de l'ordre du jour du jury",
  'dossier.certify': 'a certifié le candidat',
  'dossier.adjourn': 'a ajourné le dossier',
  'dossier.expire': "a constaté l'expiration du dossier",
  'dossier.restart': 'a relancé une évaluation préalable',
  'training_plan.created': 'a construit le plan de formation',
  'training_plan.updated': 'a mis à jour le plan de formation',
  'candidate.data_exported': 'a exporté les données du candidat (droit d’accès RGPD)',
};

const fieldLabels: Record<string, string> = {
  ...pathLabels(''),
  ...contactLabels('candidate.'),
  trainingOrganismId: 'Organisme de formation',
};

const statusLabel = (status: string): string =>
  status in dossierStatusLabels ? dossierStatusLabels[status as DossierStatus] : status;

const actorOf = (event: AuditEvent): string => {
  if (event.actor.name) return event.actor.name;
  const role = event.actor.roles.find((r) => r in roleLabels) as Role | undefined;
  return role ? `${roleLabels[role]} (${event.actor.userId})` : event.actor.userId;
};

/** "Marie Dupont a ouvert le dossier", or "Marie Dupont : dossier.unknown" for a code not known here. */
const describeAudit = (event: AuditEvent): string => {
  const sentence = sentences[event.action];
  return sentence ? `${actorOf(event)} ${sentence}` : `${actorOf(event)} : ${event.action}`;
};

/** The summary in words: the changed fields of an edit, the reason of a withdrawal, else as recorded. */
const describeSummary = (event: AuditEvent): string | undefined => {
  const { summary } = event;
  if (!summary) return undefined;
  if (event.action === 'dossier.updated') {
    const fields = summary.split(',').map((f) => f.trim());
    if (fields.every((f) => f in fieldLabels))
      return `Modifié : ${fields.map((f) => fieldLabels[f]).join(', ')}`;
  }
  if (event.action === 'dossier.withdraw' || event.action === 'dossier.withdrawn')
    return `Motif : ${summary}`;
  return summary;
};

export { describeAudit, describeSummary, statusLabel };
