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
import type { DossierStatus } from './dossierStateMachine.ts';

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

export {
  candidateStatusLabels,
  capabilityLabels,
  certificationLabels,
  dossierStatusLabels,
  fundingLabels,
  moduleLabels,
  prescriberLabels,
  roleLabels,
};
