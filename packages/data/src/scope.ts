/**
 * A tenant scope is the only way to reach tenant-owned keys. It is created from a verified
 * principal (functions/src/middleware/auth.ts), never from a request body or path.
 */
import { ForbiddenError } from '@socle/domain';
import type { Actor, Principal } from '@socle/domain';

declare const brand: unique symbol;
interface TenantScope {
  readonly tenantId: string;
  readonly [brand]: 'TenantScope';
}

/** Scope of a tenant user; throws when the principal belongs to no tenant. */
const tenantScopeOf = (principal: Principal): TenantScope => {
  if (!principal.tenantId) throw new ForbiddenError('this action needs a network account');
  return { tenantId: principal.tenantId } as TenantScope;
};

/**
 * Scope for platform-level code acting on a tenant it was explicitly given (the national admin on
 * `/tenants/{tenantId}`, seeding, the token trigger). Named so that every such use is easy to audit.
 */
const platformScopeFor = (tenantId: string): TenantScope => ({ tenantId }) as TenantScope;

/**
 * The caller of a tenant data function: its network's scope, principal, organism restriction and
 * clock (packages/domain/src/actor.ts). The scope's brand lives here, beside the keys it guards.
 */
type TenantActor = Actor<TenantScope>;

/** What a read needs of its caller: the network and organisms it reaches, and its day. */
type TenantReach = Pick<TenantActor, 'scope' | 'organisms' | 'clock'>;

/**
 * The actor's writes on a network it was handed rather than belongs to (a jury's decision, a
 * sweep, an operator): unrestricted by organism, as the platform acts on that network's dossiers.
 */
const actingOn = (
  actor: Pick<Actor<unknown>, 'principal' | 'requestId' | 'clock'>,
  scope: TenantScope,
): TenantActor => ({
  ...actor,
  scope,
  organisms: undefined,
});

export type { TenantActor, TenantReach, TenantScope };
export { actingOn, platformScopeFor, tenantScopeOf };
