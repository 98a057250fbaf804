/** French names of the figures, shared by the dashboards, the CSV exports and the PDF statement. */
import type { CounterName, DelayName } from './counters.ts';
import type { Grouping } from './volumes.ts';

const counterLabels: Record<CounterName, string> = {
  opened: 'Dossiers ouverts',
  preliminaryDone: 'Évaluations préalables',
  eligibleAfterPreliminary: 'Éligibles dès l’évaluation préalable',
  trainingStarted: 'Parcours de formation engagés',
  finalDone: 'Évaluations finales',
  presented: 'Présentations au jury',
  certified: 'Certificats délivrés',
  adjourned: 'Ajournements',
  portfolioIssued: 'Portefeuilles de compétences délivrés',
};

const delayLabels: Record<DelayName, string> = {
  openedToCertificate: 'ouverture du dossier → certificat',
  preliminaryToCertificate: 'évaluation préalable → certificat',
};

const groupingLabels: Record<Grouping, string> = {
  month: 'Mois',
  quarter: 'Trimestre',
  year: 'Année',
  region: 'Région',
  network: 'Réseau',
  organism: 'Organisme',
  certification: 'Certification',
};

const statementItemLabels = {
  preliminary_evaluation: 'Évaluations préalables',
  certificate: 'Certificats délivrés',
} as const;

export { counterLabels, delayLabels, groupingLabels, statementItemLabels };
