/** The subject access export as a readable PDF (documents Lambda: it holds the fonts). Audited. */
import { exportSubjectData } from '@socle/data';
import { renderSubjectAccessPdf } from '@socle/documents';
import { foldForSearch } from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/documents';
import { defineRoute } from '../http.ts';
import type { BinaryBody } from '../http.ts';

const subjectAccessPdfHandlers = {
  getCandidateExportPdf: defineRoute(
    routeOf('getCandidateExportPdf'),
    async ({ actor, params }): Promise<BinaryBody> => {
      const document = await exportSubjectData(actor, params.candidateId, 'pdf');
      const name = foldForSearch(document.candidate.lastName).replace(/ /g, '-');
      return { bytes: await renderSubjectAccessPdf(document), fileName: `donnees-personnelles-${name}.pdf` };
    },
  ),
};

export { subjectAccessPdfHandlers };
