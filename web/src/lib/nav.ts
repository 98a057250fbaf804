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
  { href: '/organismes', label: 'Organismes', roles: ['network_admin'] },
  { href: '/utilisateurs', label: 'Utilisateurs', roles: ['network_admin'] },
  { href: '/dossiers', label: 'Dossiers', roles: STAFF },
];

const navFor = (roles: readonly string[]): NavItem[] =>
  items.filter((item) => item.roles.some((r) => roles.includes(r)));

/** The first page relevant to the roles, or undefined when no page serves them yet (jury roles). */
const homeFor = (roles: readonly string[]): string | undefined => navFor(roles)[0]?.href;

export type { NavItem };
export { STAFF, homeFor, navFor };
