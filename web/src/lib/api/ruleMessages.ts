/**
 * French messages for the API's rule codes (409 `{ error: code }`, or a field's `code` on a 400),
 * one closed record per context so that a new code in the domain is a type error here until it is
 * worded. Forms pass the record (or a part of it) to `FormState`'s `ruleMessages`.
 */
import type { JuryRuleCode, PathRuleCode } from '@socle/domain';
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

/** Jury sessions (SPEC §4): packages/domain/src/jury. */
const juryRuleMessages: Record<JuryRuleCode, string> = {
  session_date_past: 'Cette date est passée : une session se planifie pour aujourd’hui ou une date à venir.',
  session_opened:
    'La session est ouverte (présences relevées) : elle ne peut plus être reportée, modifiée ni annulée.',
  session_cancelled: 'La session est annulée : plus rien ne peut y être enregistré.',
  session_closed: 'La session est close : ses décisions sont figées.',
  before_session_date:
    'La session n’est pas encore ouverte : présences, votes, décisions et clôture se font le jour de la session, à l’heure de la région.',
  member_not_convenable: 'Ce membre est inconnu ou inactif dans le jury de la région.',
  term_not_covering: 'Le mandat de ce membre ne couvre pas la date de la session.',
  colleges_missing: 'Convoquez au moins un membre de chaque collège (employeurs et salariés).',
  member_not_convened: 'Ce membre n’est pas convoqué à la session.',
  attendance_not_recorded: 'Relevez d’abord les présences à l’ouverture de la session.',
  attendance_frozen:
    'Le premier vote est exprimé : la liste des présents est figée. Enregistrez une arrivée ou un départ à la place.',
  movement_invalid: 'Cette arrivée ou ce départ ne correspond pas à la présence actuelle de ce membre.',
  no_quorum:
    'Le jury ne peut pas délibérer : le nombre de membres présents de chaque collège ne respecte pas le quorum. Corrigez la présence.',
  not_present: 'Seuls les membres présents lors de l’examen de ce candidat votent.',
  conflicted: 'Ce membre a un lien avec ce candidat ou son organisme : il ne vote pas sur ce candidat.',
  voters_missing_college:
    'Les votants pour ce candidat (présents sans lien déclaré) doivent compter les deux collèges : la décision ne peut pas être prise.',
  no_majority:
    'Les votes ne donnent pas la majorité requise pour cette décision : le secrétariat enregistre l’issue du vote, jamais une décision propre.',
  reason_required: 'Le motif est obligatoire.',
  decided: 'La décision a déjà été prise pour ce dossier. Actualisez le dossier.',
  not_eligible:
    'Tous les domaines ne sont pas maîtrisés : ce candidat ne peut pas être certifié. Seul l’ajournement est possible.',
  empty_agenda: 'L’ordre du jour est vide : il n’y a rien à clore.',
};

export { juryRuleMessages, notificationRuleMessages, pathRuleMessages };
