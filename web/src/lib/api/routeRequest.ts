/**
 * What a call of a contract route sends, derived from the route alone: the method, the path filled
 * from its template, the query string, the body and the Idempotency-Key. Pure (no fetch, no session),
 * so the web never writes an API path or method by hand and the building is tested on its own.
 */
import type { RouteDefinition } from '@socle/contract/routeTypes';
import type { z } from 'zod';

type Part<R, K extends 'params' | 'query' | 'body'> = R extends {
  readonly request: { readonly [P in K]: infer S extends z.ZodType };
}
  ? z.input<S>
  : never;

/** What a call of the route takes: its path parameters, query, body, and a key when it creates. */
type CallInput<R> = ([Part<R, 'params'>] extends [never] ? unknown : { params: Part<R, 'params'> }) &
  ([Part<R, 'query'>] extends [never] ? unknown : { query?: Part<R, 'query'> }) &
  ([Part<R, 'body'>] extends [never] ? unknown : { body: Part<R, 'body'> }) &
  (R extends { readonly idempotent: true } ? { idempotencyKey: string } : unknown);

/** The call's arguments: the input may be left out when the route needs none. */
type CallArgs<R> = object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

/** A document for a route that names its content type (PDF, CSV), else the parsed JSON. */
type CallOutput<R> = R extends { readonly response: { readonly contentType: string } }
  ? Blob
  : R extends { readonly response: { readonly schema: infer S extends z.ZodType } }
    ? z.output<S>
    : never;

interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  idempotencyKey?: string;
}

interface RouteRequest {
  method: RouteDefinition['method'];
  /** The path and query, to append to the API's base URL. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** `/dossiers/{dossierId}` with `{ dossierId: 'a/b' }` → `/dossiers/a%2Fb`. */
const fillPath = (template: string, params: Record<string, unknown> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${template}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });

/** Query values as the API reads them; empty and undefined values are left out. */
const queryString = (query: Record<string, unknown> = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The request of one call of `route`; `accept` defaults to the route's content type, else JSON. */
const routeRequest = (route: RouteDefinition, input: LooseInput = {}, accept?: string): RouteRequest => {
  if (route.idempotent && !input.idempotencyKey)
    throw new Error(`${route.id} creates: an Idempotency-Key is required`);
  const headers: Record<string, string> = {
    Accept: accept ?? route.response.contentType ?? 'application/json',
  };
  if (input.body !== undefined) headers['Content-Type'] = 'application/json';
  if (route.idempotent && input.idempotencyKey) headers['Idempotency-Key'] = input.idempotencyKey;
  return {
    method: route.method,
    url: `${fillPath(route.path, input.params)}${queryString(input.query)}`,
    headers,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
  };
};

export type { CallArgs, CallInput, CallOutput, LooseInput, RouteRequest };
export { fillPath, routeRequest };
