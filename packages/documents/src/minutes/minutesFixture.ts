/**
 * @internal Test fixture: the minutes of a closed session, with as many candidates as asked (names
 * with Latin Extended letters, long adjournment reasons), for the unit tests and for rendering a
 * sample by hand. Deterministic: the same count gives the same input. Not exported from the package.
 */
import type { MinutesInput } from '../types/minutes.ts';

const LAST_NAMES = [
  'Martin',
  'Öztürk-N’Diaye',
  'Bernard',
  'Nguyễn',
  'Dubois',
  'Kowalczyk',
  'Lefèvre',
  'Şahin',
  'Moreau',
  'Da Silva Gonçalves',
  'Laurent',
  'Ben Saïd',
  'Garnier-Dupont de la Villardière',
  'Rousseau',
  'Đorđević',
  'Fontaine',
  'Mbappé',
  'Żelazny',
  'Chevalier',
  'O’Connor',
];
const FIRST_NAMES = [
  'Łukasz',
  'Inès',
  'Mamadou',
  'Zoé',
  'Grégoire',
  'Aïcha',
  'Mário',
  'Siobhán',
  'Thị Hương',
];
const NETWORKS = [
  'Réseau des GRETA d’Île-de-France',
  'AFPA Île-de-France',
  'Réseau des missions locales – Centre-Val de Loire',
];
const ORGANISMS = [
  'GRETA MTI 93',
  'AFPA Créteil',
  'Centre de formation professionnelle et de promotion agricole de Brie-Comte-Robert',
  'IFRA Saint-Denis',
];
const REASONS = [
  'Domaine 3 non maîtrisé.',
  'Le jury souhaite une mise en situation complémentaire sur le domaine 4 (travailler en équipe) avant de se prononcer ; le candidat pourra être présenté de nouveau après la formation prévue au plan.',
  'Pièces manquantes au dossier d’évaluation finale.',
];

/** The candidate every test looks for (first in the list, whatever the count). */
const SPECIAL = { lastName: 'Öztürk-N’Diaye', firstName: 'Łukasz' } as const;

const candidate = (index: number): MinutesInput['candidates'][number] => {
  const certified = index % 3 !== 1;
  const month = String((index % 12) + 1).padStart(2, '0');
  const day = String((index % 28) + 1).padStart(2, '0');
  return {
    lastName: index === 0 ? SPECIAL.lastName : (LAST_NAMES[index % LAST_NAMES.length] ?? 'Martin'),
    firstName: index === 0 ? SPECIAL.firstName : (FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Zoé'),
    birthDate: `${1960 + (index % 45)}-${month}-${day}`,
    networkName: NETWORKS[index % NETWORKS.length] ?? '',
    evaluatingOrganism: ORGANISMS[index % ORGANISMS.length] ?? '',
    presentation: index % 7 === 3 ? 2 : 1,
    decision: certified ? 'certified' : 'adjourned',
    reason: certified ? null : (REASONS[index % REASONS.length] ?? null),
    certificateCode: certified ? `CLEA-${String(1000 + index).padStart(4, '0')}-7K3M-Q9ZT-X` : null,
  };
};

/** A closed Île-de-France session with `count` candidates, listed in no particular order. */
const minutesInput = (count = 12): MinutesInput => ({
  region: { code: '11', name: 'Île-de-France' },
  session: {
    id: '01JAZNJY74SB33NTS68B6PHGED',
    date: '2026-12-15',
    startTime: '09:30',
    place: 'Préfecture de région, 5 rue Leblanc, 75015 Paris',
    videoLink: 'https://visio.exemple.fr/jury-clea-idf-2026-12',
    closedAt: '2026-12-15T16:42:00.000Z',
  },
  members: [
    { name: 'Farid Benhamou', college: 'employee', present: true },
    { name: 'Pierre Lambert', college: 'employer', present: true },
    { name: 'Christine Petit', college: 'employee', present: true },
    { name: 'Nathalie Rey', college: 'employer', present: true },
    { name: 'Jean-Noël Ødegård', college: 'employer', present: false },
  ],
  secretary: { name: 'Sandrine Morel' },
  candidates: Array.from({ length: count }, (_, index) => candidate(index)).reverse(),
  conflicts: [
    {
      memberName: 'Pierre Lambert',
      candidateName: `${SPECIAL.firstName} ${SPECIAL.lastName}`,
      reason: 'Lien déclaré avec l’organisme évaluateur (GRETA MTI 93)',
    },
    { memberName: 'Christine Petit', candidateName: 'Inès Martin', reason: 'Le candidat est un voisin.' },
  ],
  issuedOn: '2026-12-15',
});

export { SPECIAL, minutesInput };
