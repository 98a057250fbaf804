/**
 * The calls of the staff lists beyond their pages: a list's total under its filters and its CSV
 * export (issue 17). Both take the list's own query, so they always describe the list on screen.
 */
import { exportFileName } from '@socle/domain';
import type { ListTotal } from '@socle/domain';
import { todayIso } from '$lib/format';
import { createClient } from './client';
import type { Fetch, QueryOf } from './client';

type DossierCriteria = QueryOf<'countDossiers'>;
type RegisterCriteria = QueryOf<'countCertificates'>;

/**
 * The last totals read, by list and criteria. A total costs a count over the whole filtered list, so
 * turning pages reuses the one read on the first page; coming back to the first page reads it again.
 */
const lastTotals = new Map<string, ListTotal>();
const TOTALS_KEPT = 20;

const remembered = async (key: string, reuse: boolean, read: () => Promise<ListTotal>) => {
  const known = lastTotals.get(key);
  if (reuse && known) return known;
  const total = await read();
  lastTotals.delete(key);
  lastTotals.set(key, total);
  if (lastTotals.size > TOTALS_KEPT) lastTotals.delete(lastTotals.keys().next().value as string);
  return total;
};

/** `reuse`: a later page of the same list (its total was read with the first page). */
interface TotalOptions {
  reuse?: boolean;
}

const listCalls = (fetchFn: Fetch = fetch) => {
  const { call } = createClient(fetchFn);
  return {
    /** How many dossiers the list holds (`approximate`: at least that many). */
    dossierTotal: (query: DossierCriteria, { reuse = false }: TotalOptions = {}) =>
      remembered(`dossiers ${JSON.stringify(query)}`, reuse, () => call('countDossiers', { query })),
    /** Every dossier of the list as a CSV file for Excel, and the name to save it under. */
    dossierFile: async (query: DossierCriteria) => ({
      blob: await call('exportDossiers', { query }),
      fileName: exportFileName('dossiers', todayIso()),
    }),
    /** How many certificates the register holds under its filters. */
    registerTotal: (query: RegisterCriteria, { reuse = false }: TotalOptions = {}) =>
      remembered(`register ${JSON.stringify(query)}`, reuse, () => call('countCertificates', { query })),
    /** The register under its filters as a CSV file for Excel, and the name to save it under. */
    registerFile: async (query: RegisterCriteria) => ({
      blob: await call('exportCertificates', { query }),
      fileName: exportFileName('registre-des-certificats', todayIso()),
    }),
  };
};

export type { DossierCriteria, RegisterCriteria };
export { listCalls };
