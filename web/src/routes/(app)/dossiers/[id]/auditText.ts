/** Audit events in plain French (the actions' words come from the domain's one map). */
import { auditActionLabel, auditSummaryLabel, dossierStatusLabels, roleLabels } from '@socle/domain';
import type { AuditEvent, DossierStatus, Role } from '@socle/domain';
import { contactLabels, pathLabels } from '$lib/dossiers';

const fieldLabels: Record<string, string> = {
  ...pathLabels(''),
  ...contactLabels('candidate.'),
  trainingOrganismId: 'Organisme de formation',
};

const statusLabel = (status: string): string =>
  status in dossierStatusLabels ? dossierStatusLabels[status as DossierStatus] : status;

/** The actor's name, else their role: never an internal id. */
const actorOf = (event: AuditEvent): string => {
  if (event.actor.name) return event.actor.name;
  const role = event.actor.roles.find((r) => r in roleLabels) as Role | undefined;
  return role ? roleLabels[role] : 'Le système';
};

/** "Marie Dupont a ouvert le dossier". */
const describeAudit = (event: AuditEvent): string => `${actorOf(event)} ${auditActionLabel(event.action)}`;

/** "Nouveau statut : « Éligible au jury » (auparavant « Évaluation préalable »)". */
const describeStatusChange = (event: Pick<AuditEvent, 'fromStatus' | 'toStatus'>): string | undefined => {
  if (!event.toStatus) return undefined;
  const now = `Nouveau statut : « ${statusLabel(event.toStatus)} »`;
  return event.fromStatus ? `${now} (auparavant « ${statusLabel(event.fromStatus)} »)` : now;
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
  return auditSummaryLabel(summary);
};

export { describeAudit, describeStatusChange, describeSummary, statusLabel };
