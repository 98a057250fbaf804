/**
 * Data protection: the retention setting, a candidate's subject access export and their erasure,
 * the candidates whose erasure is due.
 * A Lambda of its own: erasure writes the certificate register and the jury agendas, access no
 * other API function needs.
 */
import {
  assessErasure,
  eraseCandidate,
  exportSubjectData,
  getDataProtectionSettings,
  listDueErasures,
  putDataProtectionSettings,
} from '@socle/data';
import { routeOf } from '@socle/contract/routeOf/dataProtection';
import { defineRoute } from '../http.ts';

const dataProtectionHandlers = {
  getDataProtectionSettings: defineRoute(routeOf('getDataProtectionSettings'), () =>
    getDataProtectionSettings(),
  ),
  putDataProtectionSettings: defineRoute(routeOf('putDataProtectionSettings'), ({ actor, body }) =>
    putDataProtectionSettings(actor, body),
  ),
  listDueErasures: defineRoute(routeOf('listDueErasures'), ({ actor, query }) =>
    listDueErasures(actor, query),
  ),
  exportCandidateData: defineRoute(routeOf('exportCandidateData'), ({ actor, params }) =>
    exportSubjectData(actor, params.candidateId, 'json'),
  ),
  getErasureAssessment: defineRoute(routeOf('getErasureAssessment'), ({ actor, params }) =>
    assessErasure(actor, params.candidateId),
  ),
  eraseCandidate: defineRoute(routeOf('eraseCandidate'), ({ actor, params, body }) =>
    eraseCandidate(actor, params.candidateId, { lastName: body.lastName }),
  ),
};

export { dataProtectionHandlers };
