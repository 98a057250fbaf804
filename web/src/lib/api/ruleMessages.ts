/**
 * French messages for the API's rule codes (409 `{ error: code }`, or a field's `code` on a 400),
 * one closed record per context, and `ruleMessages` for every code of the domain's closed union
 * (`RuleCode`, packages/domain/src/rules/ruleCodes.ts): a new code in the domain is a type error
 * here until it is worded. Forms pass a record (or a part of it) to `FormState`'s `ruleMessages`.
 */
import type {
  AccessRuleCode,
  AccountRuleCode,
  CertificateRuleCode,
  ConfirmationRuleCode,
  DataProtectionRuleCode,
  DocumentRuleCode,
  FeeRuleCode,
  JuryRuleCode,
  ListRuleCode,
  NetworkRuleCode,
  PaperCopyRuleCode,
  PathRuleCode,
  ReferentielRuleCode,
  RuleCode,
  StatsRuleCode,
  StorageRuleCode,
} from '@socle/domain';
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
  no_published_referentiel:
    "Aucun référentiel n'est publié pour cette certification : l'ouverture de dossiers n'est pas encore possible.",
  working_time: 'Seul un salarié peut suivre le parcours sur son temps de travail.',
  trainer_is_evaluator:
    'Vous avez évalué ce candidat : un autre formateur doit construire et suivre son plan de formation.',
  evaluator_is_trainer:
    'Vous avez formé ce candidat : un autre évaluateur doit conduire son évaluation finale.',
  not_in_training:
    "Le dossier n'est pas en formation : son plan de formation ne peut pas être construit ni modifié.",
  plan_exists: 'Ce dossier a déjà un plan de formation : modifiez-le.',
  evaluation_submitted: "L'évaluation est validée : elle ne peut plus être modifiée.",
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
  empty_agenda:
    'L’ordre du jour est vide : inscrivez-y au moins un dossier avant de l’envoyer aux membres ou de clore la session.',
  already_submitted: 'Ce dossier attend déjà le jury de sa région.',
  already_on_agenda: 'Ce dossier est déjà inscrit à l’ordre du jour de cette session.',
  already_scheduled:
    'Ce dossier est déjà inscrit à l’ordre du jour d’une autre session : retirez-le de celle-ci d’abord.',
  already_applied: 'Cette décision est déjà appliquée au dossier. Actualisez la session.',
  agenda_already_published:
    'Cet ordre du jour a déjà été envoyé aux membres. Ajoutez ou retirez un dossier pour en envoyer une nouvelle version.',
};

/** Who may act now: packages/domain/src/access.ts. */
const accessRuleMessages: Record<AccessRuleCode, string> = {
  access_revoked:
    'Votre accès a été retiré ou modifié : reconnectez-vous, ou adressez-vous à votre administrateur.',
};

/** Staff and jury accounts: packages/domain/src/rules/accounts.ts. */
const accountRuleMessages: Record<AccountRuleCode, string> = {
  invitation_not_sent:
    "L'invitation n'a pas pu être envoyée (service de connexion indisponible) : rien n'a été enregistré, réessayez dans quelques instants.",
  email_in_network: 'Cette adresse e-mail est déjà celle d’un utilisateur de votre réseau.',
  email_unavailable:
    'Cette adresse e-mail ne peut pas recevoir d’invitation : vérifiez-la, ou demandez à la personne une autre adresse.',
  self_lockout:
    'Vous ne pouvez pas retirer vos propres droits d’administration : un autre administrateur du réseau doit le faire.',
};

/** Networks and organisms: packages/domain/src/rules/network.ts. */
const networkRuleMessages: Record<NetworkRuleCode, string> = {
  already_suspended: 'Ce réseau est déjà suspendu.',
  already_active: 'Ce réseau est déjà actif.',
  organism_unavailable: "Cet organisme est inconnu, inactif ou n'exerce pas cette activité.",
};

/** Référentiel versions: packages/domain/src/rules/referentiel.ts. */
const referentielRuleMessages: Record<ReferentielRuleCode, string> = {
  referentiel_published:
    'Cette version du référentiel est publiée : elle ne peut plus être modifiée. Importez une nouvelle version.',
};

/** The certificate register: packages/domain/src/rules/certificate.ts. */
const certificateRuleMessages: Record<CertificateRuleCode, string> = {
  holder_erased:
    'Les données du titulaire ont été effacées : le certificat reste vérifiable par son code, mais aucun document à son nom ne peut plus être produit.',
  already_revoked: 'Ce certificat est déjà révoqué.',
  certificate_changed: 'Le certificat vient d’être modifié : rechargez la page puis réessayez.',
};

/** Paper copies: packages/domain/src/rules/paperCopy.ts. */
const paperCopyRuleMessages: Record<PaperCopyRuleCode, string> = {
  paper_copy_pending: 'Un exemplaire papier est déjà en cours pour ce certificat.',
  paper_copy_state: 'L’exemplaire papier a changé entre-temps : rechargez la page.',
};

/** The holder's confirmation on the public page: packages/domain/src/rules/holderConfirmation.ts. */
const confirmationRuleMessages: Record<ConfirmationRuleCode, string> = {
  confirmation_locked:
    'Trop de tentatives de confirmation pour ce certificat : la confirmation du titulaire est suspendue pour un moment. Le certificat reste vérifiable par son code.',
};

/** A candidate's data: packages/domain/src/dataProtection.ts and rules/dataProtection.ts. */
const dataProtectionRuleMessages: Record<DataProtectionRuleCode, string> = {
  dossier_active:
    'Un dossier de ce candidat est en cours : l’effacement n’est possible qu’une fois tous ses dossiers clos (certifié, expiré ou abandonné).',
  dossier_at_jury:
    'Un dossier de ce candidat est encore présenté au jury de sa région : retirez-le du jury avant d’effacer les données.',
  retention_running:
    'La durée de conservation des données de ce candidat n’est pas écoulée : l’effacement n’est pas encore possible.',
  erasure_conflict: 'Un élément a changé pendant l’effacement : relancez-le.',
  candidate_changed: 'Un autre dossier du même candidat a changé au même moment : réessayez.',
};

/** Monitoring figures: packages/domain/src/rules/statsAccess.ts. */
const statsRuleMessages: Record<StatsRuleCode, string> = {
  organism_not_available: 'Les chiffres par organisme sont réservés aux réseaux.',
  organism_needs_network: 'Choisissez un réseau pour regrouper les chiffres par organisme.',
};

/** Fee schedules: packages/domain/src/stats/fees.ts. */
const feeRuleMessages: Record<FeeRuleCode, string> = {
  statement_issued:
    'Les relevés de ce mois sont déjà émis (mois terminé) : choisissez le mois en cours ou un mois à venir.',
  schedule_exists: 'Des tarifs existent déjà à partir de ce mois : rechargez la page pour les modifier.',
};

/** Documents: packages/domain/src/rules/documents.ts. */
const documentRuleMessages: Record<DocumentRuleCode, string> = {
  not_evaluated: "Le portefeuille de compétences suit une évaluation validée : aucune n'a encore eu lieu.",
  session_not_closed: 'Le procès-verbal est disponible une fois la session close.',
};

/** Lists and their exports: packages/domain/src/lists. */
const listRuleMessages: Record<ListRuleCode, string> = {
  export_too_large:
    'L’export est trop volumineux : ajoutez un filtre (statut, organisme, année…) pour le réduire.',
};

/** Generated identifiers already taken (no person causes one): packages/domain/src/rules/storage.ts. */
const storageRuleMessages: Record<StorageRuleCode, string> = {
  duplicate_id: 'L’enregistrement n’a pas abouti (identifiant déjà pris) : réessayez.',
  audit_collision: 'L’enregistrement n’a pas abouti (historique déjà écrit) : réessayez.',
};

/** Every rule code of the domain, worded: a code missing here fails to compile. */
const ruleMessages: Record<RuleCode, string> = {
  ...accessRuleMessages,
  ...accountRuleMessages,
  ...networkRuleMessages,
  ...referentielRuleMessages,
  ...pathRuleMessages,
  ...juryRuleMessages,
  ...certificateRuleMessages,
  ...paperCopyRuleMessages,
  ...confirmationRuleMessages,
  ...dataProtectionRuleMessages,
  ...notificationRuleMessages,
  ...statsRuleMessages,
  ...feeRuleMessages,
  ...documentRuleMessages,
  ...listRuleMessages,
  ...storageRuleMessages,
};

export {
  accessRuleMessages,
  accountRuleMessages,
  certificateRuleMessages,
  confirmationRuleMessages,
  dataProtectionRuleMessages,
  documentRuleMessages,
  feeRuleMessages,
  juryRuleMessages,
  listRuleMessages,
  networkRuleMessages,
  notificationRuleMessages,
  paperCopyRuleMessages,
  pathRuleMessages,
  referentielRuleMessages,
  ruleMessages,
  statsRuleMessages,
  storageRuleMessages,
};
