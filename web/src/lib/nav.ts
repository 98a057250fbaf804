/**
 * Navigation: an item shows when the user may call the routes its page loads (`can`, the API's own
 * gate). A page that manages something (référentiels, organisms, fees) is gated on its managing
 * route: the others read those through the pages of their own work. A user holding several roles
 * sees the union, in this order.
 */
import { can } from '@socle/contract/can';
import type { Caller } from '@socle/contract/can';
import type { RouteId } from '@socle/contract/routes';

interface NavItem {
  href: string;
  label: string;
  /** Every route the page needs. */
  routes: readonly RouteId[];
}

const items: readonly NavItem[] = [
  { href: '/reseaux', label: 'Réseaux', routes: ['listTenants'] },
  { href: '/referentiels', label: 'Référentiels', routes: ['listReferentiels', 'importReferentiel'] },
  { href: '/jurys', label: 'Jurys', routes: ['listJuryMembers'] },
  { href: '/organismes', label: 'Organismes', routes: ['listOrganisms', 'createOrganism'] },
  { href: '/utilisateurs', label: 'Utilisateurs', routes: ['listUsers'] },
  { href: '/dossiers', label: 'Dossiers', routes: ['listDossiers'] },
  { href: '/certificats', label: 'Certificats', routes: ['listCertificates'] },
  { href: '/exemplaires-papier', label: 'Exemplaires papier', routes: ['listPaperCopies'] },
  // Volumes of every network: the national view (the network filter lists the networks).
  { href: '/statistiques', label: 'Statistiques', routes: ['getVolumes', 'listTenants'] },
  { href: '/tarifs', label: 'Tarifs', routes: ['listFeeSchedules', 'putFeeSchedule'] },
  // Volumes of one network, by organism.
  { href: '/reseau/statistiques', label: 'Statistiques', routes: ['getVolumes', 'listOrganisms'] },
  { href: '/reseau/releves', label: 'Relevés', routes: ['getOwnStatement'] },
  { href: '/reseau/protection-des-donnees', label: 'Données à effacer', routes: ['listDueErasures'] },
  { href: '/jury/sessions', label: 'Sessions', routes: ['listJurySessions', 'createJurySession'] },
  {
    href: '/jury/en-attente',
    label: 'Dossiers en attente',
    routes: ['listJuryPipeline', 'listJurySessions'],
  },
  { href: '/jury/tableau-de-bord', label: 'Tableau de bord', routes: ['listJuryPipeline', 'getVolumes'] },
  // The same page for a member, who sees only the sessions they sit on.
  { href: '/jury/sessions', label: 'Mes sessions', routes: ['listJurySessions'] },
];

/** The items the user may open, once per page (the first label wins for a user holding several roles). */
const navFor = (me: Caller): NavItem[] =>
  items
    .filter((item) => item.routes.every((route) => can(me, route)))
    .filter((item, i, all) => all.findIndex((other) => other.href === item.href) === i);

/** The first page the user may open, or undefined when none serves them. */
const homeFor = (me: Caller): string | undefined => navFor(me)[0]?.href;

export type { NavItem };
export { homeFor, navFor };
