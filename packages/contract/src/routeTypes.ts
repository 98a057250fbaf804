/** The shape of one route: read by the CDK stack, the local server, the OpenAPI generator and the tests. */
import type { Role } from '@socle/domain';
import type { z } from 'zod';

/** One bundled Lambda per bounded context. */
const LambdaName = {
  META: 'meta',
  PLATFORM: 'platform',
  NETWORK: 'network',
  DOSSIERS: 'dossiers',
  REFERENTIELS: 'referentiels',
  EVALUATIONS: 'evaluations',
  DOCUMENTS: 'documents',
  JURIES: 'juries',
  VERIFICATION: 'verification',
  CERTIFICATES: 'certificates',
  PRIVACY: 'privacy',
  STATS: 'stats',
} as const;
type LambdaName = (typeof LambdaName)[keyof typeof LambdaName];

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * `tenant`: reads/writes the caller's network only (keys from the token's tenant claim).
 * `platform`: national-level data. `public`: no authentication. `self`: the caller's own profile.
 * `jury`: the caller's region (keys from the `region` claim), sessions they sit on.
 */
type RouteScope = 'tenant' | 'platform' | 'public' | 'self' | 'jury';

interface RouteDefinition {
  /** Stable operation id: also the handler's name. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/dossiers/{dossierId}`. */
  readonly path: string;
  readonly lambda: LambdaName;
  readonly scope: RouteScope;
  /** Roles allowed; `undefined` for public routes. Any role listed is enough. */
  readonly roles?: readonly Role[];
  readonly summary: string;
  readonly request?: {
    readonly params?: z.ZodObject;
    readonly query?: z.ZodObject;
    readonly body?: z.ZodType;
  };
  /** JSON by default; binary documents (PDF) name their content type and are sent base64-encoded. */
  readonly response: { readonly status: number; readonly schema: z.ZodType; readonly contentType?: string };
  /** Creates accept an `Idempotency-Key` header. */
  readonly idempotent?: boolean;
}

/** `GET /dossiers/{dossierId}`: the key API Gateway puts in `event.routeKey`. */
const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>) => `${route.method} ${route.path}`;

export type { HttpMethod, RouteDefinition, RouteScope };
export { LambdaName, routeKey };
