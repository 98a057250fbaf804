/**
 * French messages for the API's rule codes (409 `{ error: code }`, or a field's `code` on a 400),
 * one closed record per context so that a new code in the domain is a type error here until it is
 * worded. Forms pass the record (or a part of it) to `FormState`'s `ruleMessages`.
 */
import type { PathRuleCode } from '@socle/domain';
import type { NotificationRuleCode } from '@socle/domain/notifications';

/** The candidate's path (SPEC §3): packages/domain/src/path. */
const pathRuleMessages: Record<PathRuleCode, string> = {
  final_needs_plan:
    "L'évaluation finale suit la formation : le formateur doit d'abord construire le plan de formation de ce candidat.",
  final_scope_empty:
    "Tous les critères visés par le plan sont déjà acquis : le formateur doit mettre à jour le plan avant l'évaluation finale.",
  criterion_not_trained:
    "Ce critère n'a pas été travaillé en formation : l'évaluation finale ne porte que sur les critères du plan.",
  on_jury_agenda:
    "Ce dossier est inscrit à l'ordre du jour d'une session du jury : demandez au secrétariat du jury de l'en retirer avant d'enregistrer l'abandon.",
  tenant_suspended: 'Le réseau est suspendu : les dossiers sont en consultation seule.',
  not_habilitated: "Le réseau n'est pas habilité pour cette certification.",
  habilitation_expired:
    "L'habilitation du réseau ne couvre pas la date du jour : aucune modification de ses dossiers n'est possible.",
  region_not_habilitated:
    "Le réseau n'est pas habilité dans cette région : l'administration nationale peut étendre ses régions.",
  sequence_before_opening: "Une séquence ne peut pas précéder l'ouverture du dossier.",
  sequence_in_future: 'Une séquence se saisit une fois réalisée : sa date ne peut pas être future.',
  deadline_passed:
    "L'évaluation finale doit se terminer au plus tard à l'échéance du délai de 5 ans suivant l'évaluation préalable.",
  attendance_in_future:
    "La présence se saisit une fois la séance passée : cette séance n'a pas encore eu lieu.",
  duplicate_candidate:
    'Cette personne a déjà un dossier dans le réseau : consultez-le avant d’en ouvrir un autre.',
  already_certified:
    'Cette personne détient déjà le certificat dans le réseau : consultez son dossier avant d’en ouvrir un autre.',
};

/**
 * The outbox (SPEC §5b): packages/domain/src/notifications. Only `message_already_queued` can reach
 * a person (an event sent again); the others are delivery's own decisions, worded for completeness.
 */
const notificationRuleMessages: Record<NotificationRuleCode, string> = {
  message_already_queued:
    'Cette action a déjà été enregistrée et son message envoyé : rechargez la page pour voir son état.',
  message_delivered: 'Ce message a déjà été envoyé.',
  message_closed: 'Ce message ne sera pas envoyé.',
  message_claimed: 'Ce message est en cours d’envoi.',
  recipient_suppressed:
    'Cette adresse e-mail a refusé nos messages ou n’existe plus : vérifiez-la avec la personne.',
};

export { notificationRuleMessages, pathRuleMessages };
