/**
 * Data protection: the retention setting, the candidates whose erasure is due, a candidate's export
 * (JSON or PDF) and erasure. Each function is one route of the contract, called by id.
 */
import { createClient } from './client';
import type { BodyOf, Fetch, QueryOf } from './client';

const createDataProtectionApi = (fetchFn?: Fetch) => {
  const { call, download } = createClient(fetchFn);
  return {
    settings: {
      get: () => call('getDataProtectionSettings'),
      put: (body: BodyOf<'putDataProtectionSettings'>) => call('putDataProtectionSettings', { body }),
    },
    /** The network's candidates whose erasure is due, oldest last activity first. */
    dueErasures: (query: QueryOf<'listDueErasures'> = {}) => call('listDueErasures', { query }),
    candidates: {
      /** The export as the API wrote it (a file to hand to the candidate, not parsed here). */
      exportJson: (candidateId: string) => download('exportCandidateData', { params: { candidateId } }),
      exportPdf: (candidateId: string) => call('getCandidateExportPdf', { params: { candidateId } }),
      erasure: (candidateId: string) => call('getErasureAssessment', { params: { candidateId } }),
      erase: (candidateId: string, lastName: string) =>
        call('eraseCandidate', { params: { candidateId }, body: { lastName } }),
    },
  };
};

type DataProtectionApi = ReturnType<typeof createDataProtectionApi>;

export type { DataProtectionApi };
export { createDataProtectionApi };
