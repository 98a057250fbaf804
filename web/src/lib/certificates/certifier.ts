/**
 * Who the public pages speak for: the certifier of CléA and CléA numérique, its site and the ways to
 * reach it. Kept in one place (the footer, the legal notice, the accessibility statement and the
 * contact page read it); docs/operations.md asks Certif'Pro to confirm them before going live.
 */
const certifier = {
  name: "Certif'Pro",
  longName:
    'Association nationale pour la certification paritaire interprofessionnelle et l’évolution professionnelle',
  role: 'certificateur national de CléA et de CléA numérique',
  website: 'https://www.certifpro.fr',
  contactEmail: 'verification@certifpro.fr',
} as const;

export { certifier };
