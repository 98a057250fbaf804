import { roles } from '@socle/domain';
import { describe, expect, it } from 'vitest';
import { can, passesGate } from './can.ts';
import type { RouteId } from './routes.ts';
import { routes } from './routes.ts';
import type { RouteDefinition } from './routeTypes.ts';

const inNetwork = (...held: string[]) => ({ roles: held, tenantId: 'T1' });

describe('can', () => {
  it('lets anyone, signed out too, call a public route', () => {
    expect(can(undefined, 'getPublicCertificate')).toBe(true);
    expect(can({ roles: [] }, 'verifyCredential')).toBe(true);
  });

  it('refuses every other route to a signed-out visitor', () => {
    expect(can(undefined, 'getMe')).toBe(false);
    expect(can(undefined, 'listDossiers')).toBe(false);
  });

  it("reads the route's roles: network admins and advisors edit a dossier, evaluators do not", () => {
    expect(can(inNetwork('network_admin'), 'updateDossier')).toBe(true);
    expect(can(inNetwork('advisor'), 'updateDossier')).toBe(true);
    expect(can(inNetwork('evaluator', 'trainer'), 'updateDossier')).toBe(false);
  });

  it('needs a network for a tenant-scoped route, from the token or from GET /me', () => {
    expect(can({ roles: ['advisor'] }, 'openDossier')).toBe(false);
    expect(can({ roles: ['advisor'], tenant: { id: 'T1' } }, 'openDossier')).toBe(true);
  });

  it('needs a region for a jury route', () => {
    expect(can({ roles: ['jury_secretary'] }, 'listJurySessions')).toBe(false);
    expect(can({ roles: ['jury_secretary'], region: '84' }, 'listJurySessions')).toBe(true);
  });

  it('throws on a route the table does not have', () => {
    expect(() => can(inNetwork('advisor'), 'noSuchRoute' as RouteId)).toThrow('unknown route');
  });
});

describe('passesGate, over the whole route table', () => {
  const everywhere = { tenantId: 'T1', region: '84' };
  const table: readonly RouteDefinition[] = routes;
  const gated = table.filter((route) => route.roles);

  it.each(gated.map((route) => [route.id, route] as const))(
    '%s: its roles in, the others out',
    (_, route) => {
      const allowed: readonly string[] = route.roles ?? [];
      for (const role of roles) {
        expect(passesGate({ ...everywhere, roles: [role] }, route), `${route.id} for ${role}`).toBe(
          allowed.includes(role),
        );
      }
    },
  );
});
