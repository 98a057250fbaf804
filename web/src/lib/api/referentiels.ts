/**
 * Référentiel versions are large (a hundred criteria) and a published one never changes: it is kept
 * in memory once loaded, so the dossier list, the dossier page and the grid fetch it only once.
 */
import type { ReferentielOut } from '@socle/domain';
import type { Fetch } from './client';
import { createApi } from './endpoints';

const published = new Map<string, Promise<ReferentielOut>>();

/** The référentiel version `id`, from memory when it is published and was already loaded. */
const referentielOf = (id: string, fetchFn?: Fetch): Promise<ReferentielOut> => {
  const known = published.get(id);
  if (known) return known;
  const pending = createApi(fetchFn).referentiels.get(id);
  published.set(id, pending);
  pending.then(
    (r) => {
      if (r.status !== 'published') published.delete(id);
    },
    () => published.delete(id),
  );
  return pending;
};

export { referentielOf };
