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
import { regionOf } from './schemas/common.ts';

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

interface AuditActionWords {
  done: string;
  name: string;
}

/**
 * Every audited action in French, the one map the UI and documents use so that no action code reaches
 * a person: `done` follows the actor's name in a timeline ("Marie Dupont a ouvert le dossier"), `name`
 * heads a table row ("Ouverture du dossier").
 * State-machine actions are audited as `dossier.<action>` (packages/data transitionDossier).
 */
const auditActionLabels = {
  'dossier.opened': { done: 'a ouvert le dossier', name: 'Ouverture du dossier' },
  'dossier.updated': { done: 'a modifié le dossier', name: 'Modification du dossier' },
  'dossier.withdraw': { done: 'a enregistré l’abandon du candidat', name: 'Abandon enregistré' },
  'dossier.withdrawn': { done: 'a enregistré l’abandon du candidat', name: 'Abandon enregistré' },
  'dossier.reopen': { done: 'a rouvert le dossier', name: 'Réouverture du dossier' },
  'dossier.reopened': { done: 'a rouvert le dossier', name: 'Réouverture du dossier' },
  'dossier.start_preliminary': {
    done: 'a commencé l’évaluation préalable',
    name: 'Début de l’évaluation préalable',
  },
  'dossier.complete_preliminary': {
    done: 'a terminé l’évaluation préalable',
    name: 'Fin de l’évaluation préalable',
  },
  'dossier.start_final': { done: 'a commencé l’évaluation finale', name: 'Début de l’évaluation finale' },
  'dossier.complete_final': { done: 'a terminé l’évaluation finale', name: 'Fin de l’évaluation finale' },
  'dossier.resume_training': { done: 'a repris la formation', name: 'Reprise de la formation' },
  'dossier.restart': { done: 'a relancé une évaluation préalable', name: 'Nouvelle évaluation préalable' },
  'dossier.portfolio_issued': {
    done: 'a délivré le portefeuille de compétences',
    name: 'Portefeuille de compétences délivré',
  },
  'dossier.submitted_to_jury': {
    done: 'a présenté le dossier au jury de sa région',
    name: 'Présentation au jury',
  },
  'dossier.read_by_jury': { done: 'a consulté le dossier pour le jury', name: 'Consultation par le jury' },
  'dossier.examined_by_jury': { done: 'a examiné le dossier', name: 'Examen par le jury' },
  'dossier.add_to_agenda': {
    done: 'a inscrit le dossier à l’ordre du jour d’un jury',
    name: 'Inscription à l’ordre du jour d’un jury',
  },
  'dossier.remove_from_agenda': {
    done: 'a retiré le dossier de l’ordre du jour du jury',
    name: 'Retrait de l’ordre du jour du jury',
  },
  'dossier.certify': { done: 'a certifié le candidat', name: 'Certification' },
  'dossier.adjourn': { done: 'a ajourné le dossier', name: 'Ajournement' },
  'dossier.expire': { done: 'a constaté l’expiration du dossier', name: 'Expiration (délai de 5 ans)' },
  'dossier.erased': { done: 'a effacé le dossier', name: 'Effacement du dossier' },
  'training_plan.created': { done: 'a construit le plan de formation', name: 'Plan de formation construit' },
  'training_plan.updated': {
    done: 'a mis à jour le plan de formation',
    name: 'Plan de formation mis à jour',
  },
  'candidate.data_exported': {
    done: 'a exporté les données du candidat (droit d’accès RGPD)',
    name: 'Export des données (droit d’accès)',
  },
  'candidate.erased': {
    done: 'a effacé les données du candidat',
    name: 'Effacement des données du candidat',
  },
  'certificate.revoked': { done: 'a révoqué le certificat', name: 'Révocation du certificat' },
  'certificate.paper_copy_requested': {
    done: 'a demandé un exemplaire papier du certificat',
    name: 'Demande d’un exemplaire papier',
  },
  'certificate.paper_copy_printed': {
    done: 'a imprimé l’exemplaire papier du certificat',
    name: 'Exemplaire papier imprimé',
  },
  'certificate.paper_copies_printed': {
    done: 'a imprimé un lot d’exemplaires papier',
    name: 'Lot d’exemplaires papier imprimé',
  },
  'certificate.paper_copy_sent': {
    done: 'a envoyé l’exemplaire papier du certificat',
    name: 'Exemplaire papier envoyé',
  },
  'jury_session.planned': { done: 'a planifié une session de jury', name: 'Session de jury planifiée' },
  'jury_session.closing': {
    done: 'a lancé la clôture de la session de jury',
    name: 'Clôture de la session de jury lancée',
  },
  'jury_session.closed': { done: 'a clos la session de jury', name: 'Session de jury close' },
  'jury_session.opened': {
    done: 'a ouvert la session de jury (présences relevées)',
    name: 'Ouverture de la session de jury',
  },
  'jury_session.attendance_corrected': {
    done: 'a corrigé les présences de la session de jury',
    name: 'Présences corrigées',
  },
  'jury_session.member_arrived': {
    done: 'a enregistré l’arrivée d’un membre du jury',
    name: 'Arrivée d’un membre du jury',
  },
  'jury_session.member_left': {
    done: 'a enregistré le départ d’un membre du jury',
    name: 'Départ d’un membre du jury',
  },
  'jury_session.rescheduled': { done: 'a déplacé une session de jury', name: 'Session de jury déplacée' },
  'jury_session.cancelled': { done: 'a annulé une session de jury', name: 'Session de jury annulée' },
  'jury_session.agenda_published': {
    done: 'a envoyé l’ordre du jour aux membres du jury',
    name: 'Ordre du jour envoyé aux membres',
  },
  'jury_decision.recorded': {
    done: 'a enregistré la décision du jury',
    name: 'Décision du jury enregistrée',
  },
  'jury_settings.set': { done: 'a fixé les règles des jurys', name: 'Règles des jurys fixées' },
  'jury_member.invited': { done: 'a invité un membre de jury', name: 'Invitation d’un membre de jury' },
  'jury_member.updated': { done: 'a modifié un membre de jury', name: 'Modification d’un membre de jury' },
  'jury_member.invitation_withdrawn': {
    done: 'a vu échouer l’invitation d’un membre de jury (rien n’a été enregistré)',
    name: 'Invitation d’un membre de jury annulée (compte de connexion non créé)',
  },
  'user.invited': { done: 'a invité un utilisateur', name: 'Invitation d’un utilisateur' },
  'user.invitation_withdrawn': {
    done: 'a vu échouer l’invitation d’un utilisateur (rien n’a été enregistré)',
    name: 'Invitation d’un utilisateur annulée (compte de connexion non créé)',
  },
  'user.updated': { done: 'a modifié un utilisateur', name: 'Modification d’un utilisateur' },
  'user.disabled': { done: 'a désactivé un utilisateur', name: 'Désactivation d’un utilisateur' },
  'user.enabled': { done: 'a réactivé un utilisateur', name: 'Réactivation d’un utilisateur' },
  'login.created': {
    done: 'a créé un compte d’administration nationale',
    name: 'Création d’un compte d’administration nationale',
  },
  'organism.created': { done: 'a créé un organisme', name: 'Création d’un organisme' },
  'organism.updated': { done: 'a modifié un organisme', name: 'Modification d’un organisme' },
  'tenant.created': { done: 'a créé le réseau', name: 'Création du réseau' },
  'tenant.updated': { done: 'a modifié le réseau', name: 'Modification du réseau' },
  'tenant.suspended': { done: 'a suspendu le réseau', name: 'Suspension du réseau' },
  'tenant.reactivated': { done: 'a réactivé le réseau', name: 'Réactivation du réseau' },
  'referentiel.imported': { done: 'a importé un référentiel', name: 'Import d’un référentiel' },
  'referentiel.published': { done: 'a publié un référentiel', name: 'Publication d’un référentiel' },
  'referentiel.settings_updated': {
    done: 'a modifié les réglages d’un référentiel',
    name: 'Modification des réglages d’un référentiel',
  },
  'fees.scheduled': { done: 'a fixé un tarif', name: 'Tarif fixé' },
  'data_protection.retention_set': {
    done: 'a fixé la durée de conservation des données',
    name: 'Durée de conservation des données fixée',
  },
} as const satisfies Record<string, AuditActionWords> & Record<`dossier.${DossierAction}`, AuditActionWords>;
type AuditAction = keyof typeof auditActionLabels;

const UNKNOWN_ACTION: AuditActionWords = {
  done: 'a enregistré une opération',
  name: 'Opération enregistrée',
};

/** The words for an audited action; an action unknown here still reads as French, never as its code. */
const auditActionWords = (action: string): AuditActionWords =>
  Object.hasOwn(auditActionLabels, action) ? auditActionLabels[action as AuditAction] : UNKNOWN_ACTION;

/** What follows the actor's name: "a ouvert le dossier". */
const auditActionLabel = (action: string): string => auditActionWords(action).done;

/** The action as a name: "Ouverture du dossier". */
const auditActionName = (action: string): string => auditActionWords(action).name;

/**
 * A référentiel version as people name it: "Référentiel CléA 2018", from its certification and the
 * year its label starts with (labels are the source file's version, e.g. `2018-reconstructed`).
 */
const referentielName = (referentiel: { certification: Certification; label: string }): string => {
  const year = /^\d{4}/.exec(referentiel.label.trim())?.[0];
  return `Référentiel ${certificationLabels[referentiel.certification]}${year ? ` ${year}` : ''}`;
};

/** Words whose h is aspirated (no elision): "de Hauts-de-France Formation", "de Hollande". */
const ASPIRATED_H = /^h(?:aut|all|ameau|angar|ollande|ongrie|ockey)/i;

/** A y before a vowel sounds as a consonant (no elision): "de Youssef", "de Yannick", but "d’Yves". */
const CONSONANT_Y = /^y[aeiouàâäéèêëîïôöùûü]/i;

/**
 * "de" before a name or a label, elided before a vowel or a mute h as French writes it:
 * "Dossier d’Amandine", "Dossier de Marie", "Relevé d’avril 2026".
 */
const ofName = (name: string): string => {
  const trimmed = name.trim();
  const elided =
    /^[aeiouyhàâäéèêëîïôöùûüÿœæ]/i.test(trimmed) && !ASPIRATED_H.test(trimmed) && !CONSONANT_Y.test(trimmed);
  return elided ? `d’${trimmed}` : `de ${trimmed}`;
};

/** `1 membre`, `0 membre`, `3 membres`: in French, 0 and 1 take the singular. */
const countOf = (count: number, singular: string, pluralForm = `${singular}s`): string =>
  `${count} ${count > 1 ? pluralForm : singular}`;

// UTC: the dates in summaries are calendar days, not instants.
const summaryDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?\b/g;

/**
 * An audit event's summary as a person reads it. Summaries were written for the record ("jury du
 * 2026-10-14", "jury de la région 11", "3 dossier(s)"): dates become French dates, region codes
 * region names, "(s)" the plural in words.
 */
const auditSummaryLabel = (summary: string): string =>
  summary
    .replace(
      /jury de la région (\w{2,3})\b/,
      (_all, code: string) => `jury de la région ${regionOf(code).name}`,
    )
    .replace(ISO_DAY, (_all, day: string) => {
      const at = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(at.getTime()) ? day : summaryDate.format(at).replace(/^1 /, '1er ');
    })
    // "3 membre(s) présent(s)": the words after the count agree with it.
    .replace(/(\d+)((?: [^\s(),]+\(s\))+)/g, (_all, count: string, words: string) => {
      const many = Number(count) > 1;
      return `${count}${words.replace(/\(s\)/g, many ? 's' : '')}`;
    })
    .replace(/^./, (first) => first.toUpperCase());

/** The consent text's version (`2026-01`) as people read it: "texte de janvier 2026". */
const consentTextLabel = (version: string): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(version);
  if (!match) return `texte ${version}`;
  const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${version}-01T00:00:00Z`),
  );
  return `texte ${/^[aeiou]/.test(month) ? 'd’' : 'de '}${month} ${match[1]}`;
};

export type { AuditAction, AuditActionWords };
export {
  auditActionLabel,
  auditActionName,
  auditSummaryLabel,
  auditActionLabels,
  candidateStatusLabels,
  capabilityLabels,
  certificationLabels,
  consentTextLabel,
  countOf,
  dossierStatusLabels,
  fundingLabels,
  moduleLabels,
  ofName,
  prescriberLabels,
  referentielName,
  roleLabels,
};
