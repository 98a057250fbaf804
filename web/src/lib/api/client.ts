/**
 * The one HTTP client of the API, derived from the route contract (@socle/contract): a call names a
 * route by id; its method, path, query, body, Idempotency-Key and response schema all come from the
 * route. Bearer token; every JSON response parsed with the route's schema; documents as blobs.
 */
import { routes } from '@socle/contract/routes';
import type { RouteId } from '@socle/contract/routes';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { getConfig } from '$lib/config';
import { session } from '$lib/auth/session.svelte';
import { ApiError, NetworkError, apiErrorFrom } from './errors';
import { routeRequest } from './routeRequest';
import type { CallArgs, CallInput, CallOutput, LooseInput, RouteRequest } from './routeRequest';

type Fetch = typeof fetch;
type RouteOf<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;
/** The body a route takes, as its request schema accepts it. */
type BodyOf<Id extends RouteId> = CallInput<RouteOf<Id>> extends { body: infer B } ? B : never;
/** The query a route takes, as its request schema accepts it. */
type QueryOf<Id extends RouteId> =
  CallInput<RouteOf<Id>> extends { query?: infer Q } ? NonNullable<Q> : never;
/** The parsed response of a route. */
type ResponseOf<Id extends RouteId> = CallOutput<RouteOf<Id>>;

const routeById: ReadonlyMap<string, RouteDefinition> = new Map(routes.map((r) => [r.id, r]));

const routeOf = (id: RouteId): RouteDefinition => {
  const route = routeById.get(id);
  if (!route) throw new Error(`unknown route: ${id}`);
  return route;
};

/** Sends one request with the bearer token; throws `ApiError` for error statuses, `NetworkError` offline. */
const send = async (fetchFn: Fetch, request: RouteRequest): Promise<Response> => {
  const { apiUrl } = await getConfig(fetchFn);
  const token = session.accessToken;
  if (!token) {
    throw new ApiError(401, {
      error: 'unauthorized',
      message: 'Votre session a expiré. Reconnectez-vous.',
    });
  }
  let response: Response;
  try {
    response = await fetchFn(`${apiUrl.replace(/\/$/, '')}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, Authorization: `Bearer ${token}` },
      body: request.body,
    });
  } catch (cause) {
    throw new NetworkError({ cause });
  }
  if (!response.ok) {
    if (response.status === 401) session.clear();
    throw await apiErrorFrom(response);
  }
  return response;
};

/**
 * Creates a client bound to a `fetch` (pass the one a load function receives; the global one elsewhere).
 * Throws `ApiError` for error statuses and `NetworkError` when the API cannot be reached.
 */
const createClient = (fetchFn: Fetch = fetch) => {
  /** Calls the route `id`: the parsed response, or a blob for a route that answers a document. */
  const call = async <Id extends RouteId>(
    id: Id,
    ...[input]: CallArgs<RouteOf<Id>>
  ): Promise<CallOutput<RouteOf<Id>>> => {
    const route = routeOf(id);
    const response = await send(fetchFn, routeRequest(route, input as LooseInput | undefined));
    if (route.response.contentType) return (await response.blob()) as CallOutput<RouteOf<Id>>;
    const parsed = route.response.schema.safeParse(await response.json());
    if (!parsed.success) {
      console.error(`Réponse inattendue de ${route.id}`, parsed.error.issues);
      throw new Error('Réponse inattendue du serveur.', { cause: parsed.error });
    }
    return parsed.data as CallOutput<RouteOf<Id>>;
  };

  /** The route's answer as a file to hand over unread (e.g. a candidate's JSON export). */
  const download = async <Id extends RouteId>(id: Id, ...[input]: CallArgs<RouteOf<Id>>): Promise<Blob> => {
    const response = await send(fetchFn, routeRequest(routeOf(id), input as LooseInput | undefined));
    return response.blob();
  };

  return { call, download };
};

/** The body schema of a route, for a form to check what it sends with the API's own rules. */
const bodySchemaOf = <Id extends RouteId>(id: Id) =>
  routeOf(id).request?.body as RouteOf<Id> extends { readonly request: { readonly body: infer B } }
    ? B
    : never;

type Client = ReturnType<typeof createClient>;

export type { BodyOf, Client, Fetch, QueryOf, ResponseOf };
export { bodySchemaOf, createClient };
