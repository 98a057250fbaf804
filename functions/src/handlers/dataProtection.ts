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
  listDueErasures: defineRoute(routeOf('listDueErasures'), ({ scope, actor, query }) =>
    listDueErasures(scope, query, actor.clock.now().slice(0, 10)),
  ),
  exportCandidateData: defineRoute(routeOf('exportCandidateData'), ({ scope, actor, params }) =>
    exportSubjectData(scope, actor, params.candidateId, 'json'),
  ),
  getErasureAssessment: defineRoute(routeOf('getErasureAssessment'), ({ scope, actor, params }) =>
    assessErasure(scope, params.candidateId, actor.clock.now().slice(0, 10)),
  ),
  eraseCandidate: defineRoute(routeOf('eraseCandidate'), ({ scope, actor, params, body }) =>
    eraseCandidate(scope, actor, params.candidateId, { lastName: body.lastName }),
  ),
};

export { dataProtectionHandlers };
