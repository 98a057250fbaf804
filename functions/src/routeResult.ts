/**
 * What a route implementation may return, checked at compile time: the type its response schema
 * accepts, and no key that type does not name, at any depth (issue 13: a stored-only attribute such
 * as `searchName` is a compile error where a handler adds it, not only dropped at run time).
 *
 * TypeScript only rejects an unknown key in a fresh object literal, and not in a callback's inferred
 * return type, so the check compares the returned type with the schema's, key by key.
 */
import type { RouteDefinition } from '@socle/contract/routeTypes';
import type { z } from 'zod';

/** What a document route returns: the bytes and the file name offered to the browser. */
interface BinaryBody {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * The bytes of a document route, else the input type of the route's response schema: the
 * implementation's result is parsed by that schema before it is sent (`responseBody`), so a field
 * with a default may be left out.
 */
type RouteResult<R extends RouteDefinition> = R['response'] extends { contentType: string }
  ? BinaryBody
  : z.input<R['response']['schema']>;

/** Every key of any member of a union (a discriminated union's variants differ). */
type KeysOf<S> = S extends unknown ? keyof S : never;
/** The type of `K` in the members of `S` that have it. */
type ValueAt<S, K extends PropertyKey> = S extends unknown ? (K extends keyof S ? S[K] : never) : never;
type IsAny<T> = 0 extends 1 & T ? true : false;

/** The keys written out in `T`, without its index signature (`[key: string]: unknown`). */
type DeclaredKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
} &
  string;

/**
 * The paths (`$.items[].searchName`) of the keys of `T` that `S` does not name, at any depth. A
 * record (`Record<string, …>`) names every key, and says nothing below it when its values are
 * `unknown`.
 */
type KeysOutside<T, S, Path extends string = '$'> =
  IsAny<T> extends true
    ? never
    : unknown extends S
      ? never
      : T extends readonly (infer Item)[]
        ? KeysOutside<Item, Extract<S, readonly unknown[]>[number], `${Path}[]`>
        : T extends object
          ? {
              [K in DeclaredKeys<T>]: K extends KeysOf<Extract<S, object>>
                ? KeysOutside<T[K], ValueAt<Extract<S, object>, K>, `${Path}.${K}`>
                : `${Path}.${K}`;
            }[DeclaredKeys<T>]
          : never;

/**
 * Intersected with the implementation's type: nothing when `Out` names only what the route's
 * response schema names; otherwise a property no function has, so the call does not compile and
 * the error names the paths (`{ keysOutsideTheResponseSchema: "$.dossier.searchName" }`).
 */
type OnlySchemaKeys<R extends RouteDefinition, Out> = R['response'] extends { contentType: string }
  ? unknown
  : [KeysOutside<Out, RouteResult<R>>] extends [never]
    ? unknown
    : { keysOutsideTheResponseSchema: KeysOutside<Out, RouteResult<R>> };

export type { BinaryBody, KeysOutside, OnlySchemaKeys, RouteResult };

/** `Omit` over each member of a union (a stored dossier is live or erased). */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * `value` without the named attributes: how a handler drops what only storage holds (a search
 * field, an internal counter) from a record whose type carries it, so that the result passes the
 * compile check above.
 */
const withoutAttributes = <T extends object, K extends string>(value: T, ...names: readonly K[]) => {
  const copy = { ...value } as Record<string, unknown>;
  for (const name of names) delete copy[name];
  return copy as Without<T, K>;
};

export { withoutAttributes };
