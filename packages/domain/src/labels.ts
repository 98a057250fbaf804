/** French labels of the closed sets, shared by the UI, the PDFs and the CSV exports. */
import type {
  CandidateStatus,
  Certification,
  DossierModule,
  Funding,
  OrganismCapability,
  Prescriber,
  Role,
} from './constants.ts';
import type { DossierAction, DossierStatus } from './dossierStateMachine.ts';

const roleLabels: Record<Role, string> = {
  national_admin: 'Administration nationale',
  jury_secretary: 'Secrétariat de jury',
  jury_member: 'Membre de jury',
  network_admin: 'Administration du réseau',
  advisor: 'Conseiller',
  evaluator: 'Évaluateur',
  trainer: 'Formateur',
};

const certificationLabels: Record<Certification, string> = {
  clea: 'CléA',
  'clea-numerique': 'CléA numérique',
};

const capabilityLabels: Record<OrganismCapability, string> = {
  evaluation: 'Évaluation',
  training: 'Formation',
};

const candidateStatusLabels: Record<CandidateStatus, string> = {
  employee: 'Salarié',
  job_seeker: "Demandeur d'emploi",
  young_mission_locale: 'Jeune suivi par une Mission locale',
  other: 'Autre',
};

const prescriberLabels: Record<Prescriber, string> = {
  self: 'La personne elle-même',
  employer: 'Employeur',
  cep: 'Opérateur CEP',
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  apec: 'Apec',
  transitions_pro: 'Transitions Pro',
  opco: 'OPCO',
  regional_council: 'Conseil régional',
  professional_branch: 'Branche professionnelle',
  staff_representative: 'Représentant du personnel / syndical',
};

const fundingLabels: Record<Funding, string> = {
  cpf: 'CPF',
  pro_a: 'Pro-A',
  poe: 'POE',
  professionalisation_contract: 'Contrat de professionnalisation',
  skills_development_plan: 'Plan de développement des compétences',
  other: 'Autre',
};

const moduleLabels: Record<DossierModule, string> = {
  digital_uses: 'Module usages numériques',
  illiteracy: "Module situations d'illettrisme",
  qualification_access: "Module d'accès à la qualification",
};

const dossierStatusLabels: Record<DossierStatus, string> = {
  opened: 'Ouvert',
  preliminary_evaluation: 'Évaluation préalable',
  eligible: 'Éligible au jury',
  in_training: 'En formation',
  final_evaluation: 'Évaluation finale',
  on_jury_agenda: "À l'ordre du jour d'un jury",
  certified: 'Certifié',
  adjourned: 'Ajourné',
  expired: 'Expiré',
  withdrawn: 'Abandonné',
};

/**
 * Every audited action, as the words that follow the actor's name in a timeline ("Marie Dupont a
 * ouvert le dossier"): the one map the UI and documents use, so that no action code reaches a person.
 * State-machine actions are audited as `dossier.<action>` (packages/data transitionDossier).
 */
const auditActionLabels = {
  'dossier.opened': 'a ouvert le dossier',
  'dossier.updated': 'a modifié le dossier',
  'dossier.withdraw': 'a enregistré l’abandon du candidat',
  'dossier.withdrawn': 'a enregistré l’abandon du candidat',
  'dossier.reopen': 'a rouvert le dossier',
  'dossier.reopened': 'a rouvert le dossier',
  'dossier.start_preliminary': 'a commencé l’évaluation préalable',
  'dossier.complete_preliminary': 'a terminé l’évaluation préalable',
  'dossier.start_final': 'a commencé l’évaluation finale',
  'dossier.complete_final': 'a terminé l’évaluation finale',
  'dossier.resume_training': 'a repris la formation',
  'dossier.restart': 'a relancé une évaluation préalable',
  'dossier.portfolio_issued': 'a délivré le portefeuille de compétences',
  'dossier.submitted_to_jury': 'a présenté le dossier au jury de sa région',
  'dossier.read_by_jury': 'a consulté le dossier pour le jury',
  'dossier.examined_by_jury': 'a examiné le dossier',
  'dossier.add_to_agenda': 'a inscrit le dossier à l’ordre du jour d’un jury',
  'dossier.remove_from_agenda': 'a retiré le dossier de l’ordre du jour du jury',
  'dossier.certify': 'a certifié le candidat',
  'dossier.adjourn': 'a ajourné le dossier',
  'dossier.expire': 'a constaté l’expiration du dossier',
  'dossier.erased': 'a effacé le dossier',
  'training_plan.created': 'a construit le plan de formation',
  'training_plan.updated': 'a mis à jour le plan de formation',
  'candidate.data_exported': 'a exporté les données du candidat (droit d’accès RGPD)',
  'candidate.erased': 'a effacé les données du candidat',
  'certificate.revoked': 'a révoqué le certificat',
  'certificate.paper_copy_requested': 'a demandé un exemplaire papier du certificat',
  'certificate.paper_copy_printed': 'a imprimé l’exemplaire papier du certificat',
  'certificate.paper_copy_sent': 'a envoyé l’exemplaire papier du certificat',
  'jury_session.planned': 'a planifié une session de jury',
  'jury_session.closing': 'a lancé la clôture de la session de jury',
  'jury_session.closed': 'a clos la session de jury',
  'jury_member.invited': 'a invité un membre de jury',
  'jury_member.updated': 'a modifié un membre de jury',
  'user.invited': 'a invité un utilisateur',
  'user.updated': 'a modifié un utilisateur',
  'user.disabled': 'a désactivé un utilisateur',
  'user.enabled': 'a réactivé un utilisateur',
  'login.created': 'a créé un compte d’administration nationale',
  'organism.created': 'a créé un organisme',
  'organism.updated': 'a modifié un organisme',
  'tenant.created': 'a créé le réseau',
  'tenant.updated': 'a modifié le réseau',
  'tenant.suspended': 'a suspendu le réseau',
  'tenant.reactivated': 'a réactivé le réseau',
  'referentiel.imported': 'a importé un référentiel',
  'referentiel.published': 'a publié un référentiel',
  'referentiel.settings_updated': 'a modifié les réglages d’un référentiel',
  'fees.scheduled': 'a fixé un tarif',
  'data_protection.retention_set': 'a fixé la durée de conservation des données',
} as const satisfies Record<string, string> & Record<`dossier.${DossierAction}`, string>;
type AuditAction = keyof typeof auditActionLabels;

/** The words for an audited action; an action unknown here still reads as French, never as its code. */
const auditActionLabel = (action: string): string =>
  Object.hasOwn(auditActionLabels, action)
    ? auditActionLabels[action as AuditAction]
    : 'a enregistré une opération';

/**
 * A référentiel version as people name it: "Référentiel CléA 2018", from its certification and the
 * year its label starts with (labels are the source file's version, e.g. `2018-reconstructed`).
 */
const referentielName = (referentiel: { certification: Certification; label: string }): string => {
  const year = /^\d{4}/.exec(referentiel.label.trim())?.[0];
  return `Référentiel ${certificationLabels[referentiel.certification]}${year ? ` ${year}` : ''}`;
};

export type { AuditAction };
export {
  auditActionLabel,
  auditActionLabels,
  candidateStatusLabels,
  capabilityLabels,
  certificationLabels,
  dossierStatusLabels,
  fundingLabels,
  moduleLabels,
  prescriberLabels,
  referentielName,
  roleLabels,
};
