/** Navigation by role: a user holding several roles sees the union, in this order. */
import type { Role } from '@socle/domain';

interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['network_admin', 'advisor', 'evaluator', 'trainer'];

const items: readonly NavItem[] = [
  { href: '/reseaux', label: 'Réseaux', roles: ['national_admin'] },
  { href: '/referentiels', label: 'Référentiels', roles: ['national_admin'] },
  { href: '/jurys', label: 'Jurys', roles: ['national_admin'] },
  { href: '/organismes', label: 'Organismes', roles: ['network_admin'] },
  { href: '/utilisateurs', label: 'Utilisateurs', roles: ['network_admin'] },
  { href: '/dossiers', label: 'Dossiers', roles: STAFF },
  { href: '/certificats', label: 'Certificats', roles: ['national_admin', 'network_admin'] },
  { href: '/exemplaires-papier', label: 'Exemplaires papier', roles: ['national_admin'] },
  { href: '/statistiques', label: 'Statistiques', roles: ['national_admin'] },
  { href: '/tarifs', label: 'Tarifs', roles: ['national_admin'] },
  { href: '/reseau/statistiques', label: 'Statistiques', roles: ['network_admin'] },
  { href: '/reseau/releves', label: 'Relevés', roles: ['network_admin'] },
  { href: '/reseau/protection-des-donnees', label: 'Données à effacer', roles: ['network_admin'] },
  { href: '/jury/sessions', label: 'Sessions', roles: ['jury_secretary'] },
  { href: '/jury/en-attente', label: 'Dossiers en attente', roles: ['jury_secretary'] },
  { href: '/jury/tableau-de-bord', label: 'Tableau de bord', roles: ['jury_secretary'] },
  // The same page for a member, who sees only the sessions they sit on.
  { href: '/jury/sessions', label: 'Mes sessions', roles: ['jury_member'] },
];

/** The items of the roles, once per page (the first label wins for a user holding several roles). */
const navFor = (roles: readonly string[]): NavItem[] =>
  items
    .filter((item) => item.roles.some((r) => roles.includes(r)))
    .filter((item, i, all) => all.findIndex((other) => other.href === item.href) === i);

/** The first page relevant to the roles, or undefined when no page serves them. */
const homeFor = (roles: readonly string[]): string | undefined => navFor(roles)[0]?.href;

export type { NavItem };
export { STAFF, homeFor, navFor };
