import { describe, expect, it } from 'vitest';
import { homeFor, navFor } from './nav';

const network = { tenant: { id: 'T1' } };
const jury = { region: '32' };
const hrefs = (me: Parameters<typeof navFor>[0]) => navFor(me).map((item) => `${item.href} ${item.label}`);

describe('navFor: the menu is the pages whose routes the user may call', () => {
  it('the national admin: the platform pages', () => {
    expect(hrefs({ roles: ['national_admin'] })).toEqual([
      '/reseaux Réseaux',
      '/referentiels Référentiels',
      '/jurys Jurys',
      '/certificats Certificats',
      '/exemplaires-papier Exemplaires papier',
      '/statistiques Statistiques',
      '/tarifs Tarifs',
    ]);
  });

  it("the network admin: their network's pages", () => {
    expect(hrefs({ roles: ['network_admin'], ...network })).toEqual([
      '/organismes Organismes',
      '/utilisateurs Utilisateurs',
      '/dossiers Dossiers',
      '/certificats Certificats',
      '/reseau/statistiques Statistiques',
      '/reseau/releves Relevés',
      '/reseau/protection-des-donnees Données à effacer',
    ]);
  });

  it('advisors, evaluators and trainers: the dossiers', () => {
    for (const role of ['advisor', 'evaluator', 'trainer']) {
      expect(hrefs({ roles: [role], ...network })).toEqual(['/dossiers Dossiers']);
    }
  });

  it("a jury's secretary runs the sessions; a member sees their own", () => {
    expect(hrefs({ roles: ['jury_secretary'], ...jury })).toEqual([
      '/jury/sessions Sessions',
      '/jury/en-attente Dossiers en attente',
      '/jury/tableau-de-bord Tableau de bord',
    ]);
    expect(hrefs({ roles: ['jury_member'], ...jury })).toEqual(['/jury/sessions Mes sessions']);
  });

  it('a staff role without a network (or a jury role without a region) opens nothing', () => {
    expect(homeFor({ roles: ['advisor'] })).toBeUndefined();
    expect(homeFor({ roles: ['jury_member'] })).toBeUndefined();
    expect(homeFor({ roles: ['advisor'], ...network })).toBe('/dossiers');
  });
});
