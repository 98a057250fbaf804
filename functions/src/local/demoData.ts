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
        siret: '73282932000074',
        capabilities: ['evaluation', 'training'],
      },
      { name: 'Alpha Lille', region: '32', city: 'Lille', capabilities: ['evaluation', 'training'] },
      { name: 'Alpha Formation Amiens', region: '32', city: 'Amiens', capabilities: ['training'] },
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
        capabilities: ['evaluation', 'training'],
      },
      { name: 'GRETA Marseille', region: '93', city: 'Marseille', capabilities: ['evaluation', 'training'] },
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
      { name: 'Ouest Rennes', region: '53', city: 'Rennes', capabilities: ['evaluation', 'training'] },
      { name: 'Ouest Nantes', region: '52', city: 'Nantes', capabilities: ['evaluation'] },
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

export type { DemoNetwork, DemoStaff };
export { NATIONAL_ADMIN, demoNetworks, firstNames, lastNames };
