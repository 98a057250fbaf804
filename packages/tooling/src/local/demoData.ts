/** The demo's cast: networks, organisms and staff. Logins are listed in the README. */
import type { Certification, OrganismCapability, TenantRole } from '@socle/domain';

interface DemoStaff {
  email: string;
  firstName: string;
  lastName: string;
  roles: TenantRole[];
  /** Indexes into the network's organisms. */
  organisms: number[];
}

interface DemoNetwork {
  slug: string;
  name: string;
  certifications: Certification[];
  organisms: {
    name: string;
    region: string;
    city: string;
    /** The commune's postal code: the candidates' address, and where paper copies are sent. */
    postalCode: string;
    siret?: string;
    capabilities: OrganismCapability[];
  }[];
  staff: DemoStaff[];
}

const NATIONAL_ADMIN = {
  email: 'national@certifpro.demo',
  firstName: 'Nadia',
  lastName: 'Benali',
};

const demoNetworks: DemoNetwork[] = [
  {
    slug: 'alpha',
    name: 'Réseau Alpha Formation',
    certifications: ['clea', 'clea-numerique'],
    organisms: [
      {
        name: 'Alpha Paris Nord',
        region: '11',
        city: 'Saint-Denis',
        postalCode: '93200',
        siret: '73282932000074',
        capabilities: ['evaluation', 'training'],
      },
      {
        name: 'Alpha Lille',
        region: '32',
        city: 'Lille',
        postalCode: '59000',
        capabilities: ['evaluation', 'training'],
      },
      {
        name: 'Alpha Formation Amiens',
        region: '32',
        city: 'Amiens',
        postalCode: '80000',
        capabilities: ['training'],
      },
    ],
    staff: [
      {
        email: 'admin@alpha.demo',
        firstName: 'Claire',
        lastName: 'Dubois',
        roles: ['network_admin'],
        organisms: [],
      },
      {
        email: 'conseil@alpha.demo',
        firstName: 'Karim',
        lastName: 'Haddad',
        roles: ['advisor'],
        organisms: [0, 1],
      },
      {
        email: 'eval@alpha.demo',
        firstName: 'Sophie',
        lastName: 'Lefèvre',
        roles: ['evaluator'],
        organisms: [0, 1],
      },
      {
        email: 'formation@alpha.demo',
        firstName: 'Thomas',
        lastName: 'Moreau',
        roles: ['trainer'],
        organisms: [0, 2],
      },
    ],
  },
  {
    slug: 'sud',
    name: 'GRETA Sud Compétences',
    certifications: ['clea'],
    organisms: [
      {
        name: 'GRETA Montpellier',
        region: '76',
        city: 'Montpellier',
        postalCode: '34000',
        capabilities: ['evaluation', 'training'],
      },
      {
        name: 'GRETA Marseille',
        region: '93',
        city: 'Marseille',
        postalCode: '13003',
        capabilities: ['evaluation', 'training'],
      },
    ],
    staff: [
      {
        email: 'admin@sud.demo',
        firstName: 'Jean-Marc',
        lastName: 'Roussel',
        roles: ['network_admin'],
        organisms: [],
      },
      {
        email: 'conseil@sud.demo',
        firstName: 'Inès',
        lastName: 'Martín',
        roles: ['advisor'],
        organisms: [0, 1],
      },
      {
        email: 'eval@sud.demo',
        firstName: 'Hélène',
        lastName: 'Garnier',
        roles: ['evaluator'],
        organisms: [0, 1],
      },
      {
        email: 'formation@sud.demo',
        firstName: 'Mamadou',
        lastName: 'Diallo',
        roles: ['trainer', 'evaluator'],
        organisms: [0, 1],
      },
    ],
  },
  {
    slug: 'ouest',
    name: 'Compétences Ouest',
    certifications: ['clea'],
    organisms: [
      {
        name: 'Ouest Rennes',
        region: '53',
        city: 'Rennes',
        postalCode: '35000',
        capabilities: ['evaluation', 'training'],
      },
      {
        name: 'Ouest Nantes',
        region: '52',
        city: 'Nantes',
        postalCode: '44000',
        capabilities: ['evaluation'],
      },
    ],
    staff: [
      {
        email: 'admin@ouest.demo',
        firstName: 'Yannick',
        lastName: 'Le Gall',
        roles: ['network_admin', 'advisor'],
        organisms: [0, 1],
      },
      {
        email: 'conseil@ouest.demo',
        firstName: 'Aurélie',
        lastName: 'Perrin',
        roles: ['advisor'],
        organisms: [0, 1],
      },
      {
        email: 'eval@ouest.demo',
        firstName: 'Bruno',
        lastName: 'Caron',
        roles: ['evaluator'],
        organisms: [0, 1],
      },
      {
        email: 'formation@ouest.demo',
        firstName: 'Léa',
        lastName: 'Guérin',
        roles: ['trainer'],
        organisms: [0],
      },
    ],
  },
  {
    slug: 'outremer',
    name: 'Compétences Outre-mer',
    certifications: ['clea'],
    organisms: [
      {
        name: 'Compétences Réunion Saint-Denis',
        region: '04',
        city: 'Saint-Denis',
        postalCode: '97400',
        capabilities: ['evaluation', 'training'],
      },
      {
        name: 'Compétences Réunion Saint-Pierre',
        region: '04',
        city: 'Saint-Pierre',
        postalCode: '97410',
        capabilities: ['evaluation'],
      },
      {
        name: 'Compétences Guadeloupe',
        region: '01',
        city: 'Pointe-à-Pitre',
        postalCode: '97110',
        capabilities: ['evaluation', 'training'],
      },
    ],
    staff: [
      {
        email: 'admin@outremer.demo',
        firstName: 'Marie-Josée',
        lastName: 'Payet',
        roles: ['network_admin'],
        organisms: [],
      },
      {
        email: 'conseil@outremer.demo',
        firstName: 'Jean-Luc',
        lastName: 'Hoarau',
        roles: ['advisor'],
        organisms: [0, 1, 2],
      },
      {
        email: 'eval@outremer.demo',
        firstName: 'Sabrina',
        lastName: 'Grondin',
        roles: ['evaluator'],
        organisms: [0, 1, 2],
      },
      {
        email: 'formation@outremer.demo',
        firstName: 'Rodrigue',
        lastName: 'Jean-Baptiste',
        roles: ['trainer'],
        organisms: [0, 2],
      },
    ],
  },
];

const firstNames = [
  'Amélie',
  'Łukasz',
  'Fatoumata',
  'Kévin',
  'Zoé',
  'Gaëlle',
  'Mehdi',
  'Jérôme',
  'Anaïs',
  'Noël',
  'Océane',
  'Rémi',
  'Aïcha',
  'François',
  'Maëlys',
  'Youssef',
  'Céline',
  'Loïc',
  'Naïma',
  'Stéphane',
];
const lastNames = [
  'Öztürk-N’Diaye',
  'Martin',
  'Bernard',
  'Nguyen',
  'Lefebvre',
  'Da Silva',
  'Kowalski',
  'Mercier',
  'Benoît',
  'Traoré',
  'Faure',
  'Rousseau',
  'Chevalier',
  'Boyer',
  'Gauthier',
  'Lemaître',
  'Hamon',
  'Fournier',
];

/** Address lines of the paper copies' recipients. */
const streets = ['12 rue des Lilas', '4 allée des Tilleuls', '27 avenue Jean-Jaurès', '8 rue Victor-Hugo'];

export type { DemoNetwork, DemoStaff };
export { NATIONAL_ADMIN, demoNetworks, firstNames, lastNames, streets };
