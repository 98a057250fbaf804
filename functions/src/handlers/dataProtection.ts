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
  putDataProtectionSettings: defineRoute(routeOf('putDataProtectionSettings'), ({ ctx, body }) =>
    putDataProtectionSettings(ctx, body),
  ),
  listDueErasures: defineRoute(routeOf('listDueErasures'), ({ scope, ctx, query }) =>
    listDueErasures(scope, query, ctx.clock.now().slice(0, 10)),
  ),
  exportCandidateData: defineRoute(routeOf('exportCandidateData'), ({ scope, ctx, params }) =>
    exportSubjectData(scope, ctx, params.candidateId, 'json'),
  ),
  getErasureAssessment: defineRoute(routeOf('getErasureAssessment'), ({ scope, ctx, params }) =>
    assessErasure(scope, params.candidateId, ctx.clock.now().slice(0, 10)),
  ),
  eraseCandidate: defineRoute(routeOf('eraseCandidate'), ({ scope, ctx, params, body }) =>
    eraseCandidate(scope, ctx, params.candidateId, { lastName: body.lastName }),
  ),
};

export { dataProtectionHandlers };
