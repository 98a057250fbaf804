/**
 * Whether a caller may call a route, as far as the API's gate decides before any data is read
 * (functions/src/http.ts): signed in unless public, one of the route's roles, a network for a
 * tenant-scoped route, a region for a jury route. The web gates its controls with the same answer,
 * so a form is shown to exactly those the API lets through. Data-level refusals (a suspended
 * network, an organism out of reach, a state that forbids the change) are the API's to give.
 */
import type { RouteDefinition } from './routeTypes.ts';
import { routes } from './routes.ts';
import type { RouteId } from './routes.ts';

/** The verified principal (`tenantId`) or the signed-in user as `GET /me` returns them (`tenant`). */
interface Caller {
  readonly roles: readonly string[];
  readonly tenantId?: string;
  readonly tenant?: { readonly id: string };
  readonly region?: string;
}

type Gate = Pick<RouteDefinition, 'scope' | 'roles'>;

/** The gate of one route definition; `undefined` is a signed-out visitor. */
const passesGate = (caller: Caller | undefined, route: Gate): boolean => {
  if (route.scope === 'public') return true;
  if (!caller) return false;
  const allowed: readonly string[] | undefined = route.roles;
  if (allowed && !caller.roles.some((role) => allowed.includes(role))) return false;
  // Tenant keys come from the token's network: a user of no network reaches no tenant route.
  if (route.scope === 'tenant' && !(caller.tenantId ?? caller.tenant?.id)) return false;
  // Jury keys come from the token's region: without one, every jury resource is not found.
  if (route.scope === 'jury' && !caller.region) return false;
  return true;
};

const gateById: ReadonlyMap<string, Gate> = new Map(routes.map((route) => [route.id, route]));

/** Whether `caller` may call the route `routeId`, as the API's gate will decide. */
const can = (caller: Caller | undefined, routeId: RouteId): boolean => {
  const gate = gateById.get(routeId);
  if (!gate) throw new Error(`unknown route: ${routeId}`);
  return passesGate(caller, gate);
};

export type { Caller };
export { can, passesGate };
