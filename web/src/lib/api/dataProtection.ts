/**
 * Data protection routes: the retention setting (`/data-protection/settings`), the candidates whose
 * erasure is due (`/data-protection/due-erasures`), a candidate's export (`/candidates/{id}/export`,
 * JSON or PDF) and erasure (`/candidates/{id}/erasure`).
 */
import { DataProtectionSettings, DueErasureList, ErasureAssessment, ErasureResult } from '@socle/domain';
import type { DataProtectionSettingsUpdate } from '@socle/domain';
import { createDownloader, createRequester } from './client';
import type { Fetch } from './client';

const seg = encodeURIComponent;
const candidatePath = (id: string) => `/candidates/${seg(id)}`;

const createDataProtectionApi = (fetchFn?: Fetch) => {
  const request = createRequester(fetchFn);
  const download = createDownloader(fetchFn);
  return {
    settings: {
      get: () =>
        request({ method: 'GET', path: '/data-protection/settings', schema: DataProtectionSettings }),
      put: (body: DataProtectionSettingsUpdate) =>
        request({ method: 'PUT', path: '/data-protection/settings', body, schema: DataProtectionSettings }),
    },
    /** The network's candidates whose erasure is due, oldest last activity first. */
    dueErasures: (query: { cursor?: string; limit?: number } = {}) =>
      request({
        method: 'GET',
        path: '/data-protection/due-erasures',
        query: { ...query },
        schema: DueErasureList,
      }),
    candidates: {
      /** The export as the API wrote it (a file to hand to the candidate, not parsed here). */
      exportJson: (id: string) => download(`${candidatePath(id)}/export`, 'application/json'),
      exportPdf: (id: string) => download(`${candidatePath(id)}/export.pdf`, 'application/pdf'),
      erasure: (id: string) =>
        request({ method: 'GET', path: `${candidatePath(id)}/erasure`, schema: ErasureAssessment }),
      erase: (id: string, lastName: string) =>
        request({
          method: 'POST',
          path: `${candidatePath(id)}/erasure`,
          body: { lastName },
          schema: ErasureResult,
        }),
    },
  };
};

type DataProtectionApi = ReturnType<typeof createDataProtectionApi>;

export type { DataProtectionApi };
export { createDataProtectionApi };
