/**
 * The compile-time half of issue 13: `tsc` checks the `@ts-expect-error` lines (an implementation
 * returning a key its response schema does not name must not compile); vitest checks the helper.
 */
import { routeOf as dossierRoute } from '@socle/contract/routeOf/dossiers';
import { routeOf as metaRoute } from '@socle/contract/routeOf/meta';
import type { Candidate, Dossier } from '@socle/domain';
import { describe, expect, it } from 'vitest';
import type { defineRoute as DefineRoute } from './http.ts';
import { withoutAttributes } from './routeResult.ts';
import type { KeysOutside } from './routeResult.ts';

// Types only: nothing here runs a route.
declare const defineRoute: typeof DefineRoute;
declare const dossier: Dossier;
declare const candidate: Candidate;

/** Never called: these lines are checked by the compiler. */
export const compileChecks = (storedDossier = { ...dossier, searchName: 'durand camille' }) => [
  defineRoute(dossierRoute('getDossier'), async () => ({ dossier, candidate })),
  defineRoute(dossierRoute('listDossiers'), async () => ({ items: [dossier], cursor: undefined })),
  defineRoute(dossierRoute('getDossier'), async () => ({
    dossier: withoutAttributes(storedDossier, 'searchName'),
    candidate,
  })),
  // @ts-expect-error a stored-only attribute, one level down
  defineRoute(dossierRoute('getDossier'), async () => ({ dossier: storedDossier, candidate })),
  // @ts-expect-error a key attribute in a list item
  defineRoute(dossierRoute('listDossiers'), async () => ({ items: [{ ...dossier, pk: 'T#1' }] })),
  // @ts-expect-error at the top level
  defineRoute(metaRoute('health'), async () => ({ status: 'ok' as const, time: '', itemType: 'Health' })),
];

const outside: KeysOutside<{ items: { id: string; searchName: string }[] }, { items: { id: string }[] }> =
  '$.items[].searchName';

describe('withoutAttributes', () => {
  it('drops the named attributes and keeps the rest', () => {
    expect(outside).toBe('$.items[].searchName');
    expect(withoutAttributes({ id: 'a', searchName: 'x', version: 2 }, 'searchName')).toEqual({
      id: 'a',
      version: 2,
    });
  });
});
