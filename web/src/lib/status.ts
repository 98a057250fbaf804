/** Labels and badge tones of the statuses shown in tables and headers (text always, colour as a plus). */
import { dossierStatusLabels } from '@socle/domain';
import type { DossierStatus } from '@socle/domain';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const dossierTones: Record<DossierStatus, Tone> = {
  opened: 'info',
  preliminary_evaluation: 'info',
  eligible: 'success',
  in_training: 'info',
  final_evaluation: 'info',
  on_jury_agenda: 'info',
  certified: 'success',
  adjourned: 'warning',
  expired: 'danger',
  withdrawn: 'neutral',
};

const dossierBadge = (status: DossierStatus) => ({
  label: dossierStatusLabels[status],
  tone: dossierTones[status],
});

const tenantBadge = (status: 'active' | 'suspended') =>
  status === 'active'
    ? { label: 'Actif', tone: 'success' as Tone }
    : { label: 'Suspendu', tone: 'danger' as Tone };

const userBadge = (status: 'active' | 'disabled') =>
  status === 'active'
    ? { label: 'Actif', tone: 'success' as Tone }
    : { label: 'Désactivé', tone: 'neutral' as Tone };

const activeBadge = (active: boolean) =>
  active ? { label: 'Actif', tone: 'success' as Tone } : { label: 'Inactif', tone: 'neutral' as Tone };

type SessionStatus = 'planned' | 'closing' | 'closed' | 'cancelled';

const sessionBadges: Record<SessionStatus, { label: string; tone: Tone }> = {
  planned: { label: 'Planifiée', tone: 'info' },
  closing: { label: 'En cours de clôture', tone: 'warning' },
  closed: { label: 'Close', tone: 'neutral' },
  cancelled: { label: 'Annulée', tone: 'neutral' },
};

const sessionBadge = (status: SessionStatus) => sessionBadges[status];

const decisionBadge = (decision: 'certified' | 'adjourned') =>
  decision === 'certified'
    ? { label: 'Certifié', tone: 'success' as Tone }
    : { label: 'Ajourné', tone: 'warning' as Tone };

export type { Tone };
export { activeBadge, decisionBadge, dossierBadge, sessionBadge, tenantBadge, userBadge };
