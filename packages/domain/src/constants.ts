/** Closed sets of the domain. Each is an `as const` object with its union type derived from it. */

const Role = {
  NATIONAL_ADMIN: 'national_admin',
  JURY_SECRETARY: 'jury_secretary',
  JURY_MEMBER: 'jury_member',
  NETWORK_ADMIN: 'network_admin',
  ADVISOR: 'advisor',
  EVALUATOR: 'evaluator',
  TRAINER: 'trainer',
} as const;
type Role = (typeof Role)[keyof typeof Role];
const roles = Object.values(Role) as [Role, ...Role[]];

/** Roles that belong to a network (tenant). Jury and platform roles belong to no tenant. */
const TenantRole = {
  NETWORK_ADMIN: Role.NETWORK_ADMIN,
  ADVISOR: Role.ADVISOR,
  EVALUATOR: Role.EVALUATOR,
  TRAINER: Role.TRAINER,
} as const;
type TenantRole = (typeof TenantRole)[keyof typeof TenantRole];
const tenantRoles = Object.values(TenantRole) as [TenantRole, ...TenantRole[]];

const Certification = { CLEA: 'clea', CLEA_NUMERIQUE: 'clea-numerique' } as const;
type Certification = (typeof Certification)[keyof typeof Certification];
const certifications = Object.values(Certification) as [Certification, ...Certification[]];

const TenantStatus = { ACTIVE: 'active', SUSPENDED: 'suspended' } as const;
type TenantStatus = (typeof TenantStatus)[keyof typeof TenantStatus];

const UserStatus = { ACTIVE: 'active', DISABLED: 'disabled' } as const;
type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

const OrganismCapability = { EVALUATION: 'evaluation', TRAINING: 'training' } as const;
type OrganismCapability = (typeof OrganismCapability)[keyof typeof OrganismCapability];
const organismCapabilities = Object.values(OrganismCapability) as [
  OrganismCapability,
  ...OrganismCapability[],
];

const CandidateStatus = {
  EMPLOYEE: 'employee',
  JOB_SEEKER: 'job_seeker',
  YOUNG_MISSION_LOCALE: 'young_mission_locale',
  OTHER: 'other',
} as const;
type CandidateStatus = (typeof CandidateStatus)[keyof typeof CandidateStatus];
const candidateStatuses = Object.values(CandidateStatus) as [CandidateStatus, ...CandidateStatus[]];

const Prescriber = {
  SELF: 'self',
  EMPLOYER: 'employer',
  CEP: 'cep',
  FRANCE_TRAVAIL: 'france_travail',
  MISSION_LOCALE: 'mission_locale',
  CAP_EMPLOI: 'cap_emploi',
  APEC: 'apec',
  TRANSITIONS_PRO: 'transitions_pro',
  OPCO: 'opco',
  REGIONAL_COUNCIL: 'regional_council',
  PROFESSIONAL_BRANCH: 'professional_branch',
  STAFF_REPRESENTATIVE: 'staff_representative',
} as const;
type Prescriber = (typeof Prescriber)[keyof typeof Prescriber];
const prescribers = Object.values(Prescriber) as [Prescriber, ...Prescriber[]];

const Funding = {
  CPF: 'cpf',
  PRO_A: 'pro_a',
  POE: 'poe',
  PROFESSIONALISATION_CONTRACT: 'professionalisation_contract',
  SKILLS_DEVELOPMENT_PLAN: 'skills_development_plan',
  OTHER: 'other',
} as const;
type Funding = (typeof Funding)[keyof typeof Funding];
const fundings = Object.values(Funding) as [Funding, ...Funding[]];

const DossierModule = {
  DIGITAL_USES: 'digital_uses',
  ILLITERACY: 'illiteracy',
  QUALIFICATION_ACCESS: 'qualification_access',
} as const;
type DossierModule = (typeof DossierModule)[keyof typeof DossierModule];
const dossierModules = Object.values(DossierModule) as [DossierModule, ...DossierModule[]];

export {
  CandidateStatus,
  Certification,
  DossierModule,
  Funding,
  OrganismCapability,
  Prescriber,
  Role,
  TenantRole,
  TenantStatus,
  UserStatus,
  candidateStatuses,
  certifications,
  dossierModules,
  fundings,
  organismCapabilities,
  prescribers,
  roles,
  tenantRoles,
};
