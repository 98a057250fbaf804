/**
 * The calls of the staff lists beyond their pages: a list's total under its filters and its CSV
 * export (issue 17). Both take the list's own query, so they always describe the list on screen.
 */
import { exportFileName } from '@socle/domain';
import { todayIso } from '$lib/format';
import { createClient } from './client';
import type { Fetch, QueryOf } from './client';

type DossierCriteria = QueryOf<'countDossiers'>;
type RegisterCriteria = QueryOf<'countCertificates'>;

const listCalls = (fetchFn: Fetch = fetch) => {
  const { call } = createClient(fetchFn);
  return {
    /** How many dossiers the list holds (`approximate`: at least that many). */
    dossierTotal: (query: DossierCriteria) => call('countDossiers', { query }),
    /** Every dossier of the list as a CSV file for Excel, and the name to save it under. */
    dossierFile: async (query: DossierCriteria) => ({
      blob: await call('exportDossiers', { query }),
      fileName: exportFileName('dossiers', todayIso()),
    }),
    /** How many certificates the register holds under its filters. */
    registerTotal: (query: RegisterCriteria) => call('countCertificates', { query }),
    /** The register under its filters as a CSV file for Excel, and the name to save it under. */
    registerFile: async (query: RegisterCriteria) => ({
      blob: await call('exportCertificates', { query }),
      fileName: exportFileName('registre-des-certificats', todayIso()),
    }),
  };
};

export type { DossierCriteria, RegisterCriteria };
export { listCalls };
