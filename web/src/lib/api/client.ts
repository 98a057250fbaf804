/**
 * The one HTTP client of the API: bearer token, JSON, Idempotency-Key on creates, and every
 * response parsed with the domain schema the route table declares for it.
 */
import { getConfig } from '$lib/config';
import { session } from '$lib/auth/session.svelte';
import type { z } from 'zod';
import { ApiError, NetworkError, apiErrorFrom } from './errors';

type Fetch = typeof fetch;
type Query = Record<string, string | number | undefined>;

interface RequestOptions<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  schema: S;
  query?: Query;
  body?: unknown;
  /** Sent on creates so that a retry or a double click creates only once. */
  idempotencyKey?: string;
}

const buildUrl = (apiUrl: string, path: string, query?: Query): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${apiUrl.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`;
};

/** Sends one request with the bearer token; throws `ApiError` for error statuses, `NetworkError` offline. */
const send = async (
  fetchFn: Fetch,
  options: Omit<RequestOptions<z.ZodType>, 'schema'>,
  accept: string,
): Promise<Response> => {
  const { apiUrl } = await getConfig(fetchFn);
  const token = session.accessToken;
  if (!token) {
    throw new ApiError(401, {
      error: 'unauthorized',
      message: 'Votre session a expiré. Reconnectez-vous.',
    });
  }
  const headers: Record<string, string> = { Accept: accept, Authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetchFn(buildUrl(apiUrl, options.path, options.query), {
      method: options.method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
const createRequester =
  (fetchFn: Fetch = fetch) =>
  async <S extends z.ZodType>(options: RequestOptions<S>): Promise<z.infer<S>> => {
    const response = await send(fetchFn, options, 'application/json');
    const parsed = options.schema.safeParse(await response.json());
    if (!parsed.success) {
      console.error(`Réponse inattendue de ${options.method} ${options.path}`, parsed.error.issues);
      throw new Error('Réponse inattendue du serveur.', { cause: parsed.error });
    }
    return parsed.data;
  };

/** Fetches a document (a PDF) as a blob, with the same token and errors as the JSON requests. */
const createDownloader =
  (fetchFn: Fetch = fetch) =>
  async (path: string, accept: string): Promise<Blob> => {
    const response = await send(fetchFn, { method: 'GET', path }, accept);
    return response.blob();
  };

type Requester = ReturnType<typeof createRequester>;

export type { Fetch, Requester };
export { createDownloader, createRequester };
