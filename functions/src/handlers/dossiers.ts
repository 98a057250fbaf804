/** Dossiers of the caller's network; organism-bound staff only reach their organisms' dossiers. */
import {
  countDossiers,
  exportDossiers,
  getDossierDetail,
  listDossierAudit,
  listDossiers,
  openDossier,
  reopenDossier,
  transitionDossier,
  updateDossier,
  withdrawDossier,
} from '@socle/data';
import { DossierAction, juryActorView, organismRestriction } from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/dossiers';
import { defineRoute } from '../http.ts';
import { withoutAttributes } from '../routeResult.ts';

const dossierHandlers = {
  listDossiers: defineRoute(routeOf('listDossiers'), ({ scope, principal, query }) =>
    listDossiers(scope, query, organismRestriction(principal)),
  ),
  openDossier: defineRoute(routeOf('openDossier'), ({ scope, ctx, body, idempotency }) =>
    openDossier(scope, ctx, body, idempotency),
  ),
  getDossier: defineRoute(routeOf('getDossier'), ({ scope, principal, params }) =>
    getDossierDetail(scope, params.dossierId, organismRestriction(principal)),
  ),
  updateDossier: defineRoute(routeOf('updateDossier'), ({ scope, ctx, principal, params, body }) =>
    updateDossier(scope, ctx, params.dossierId, organismRestriction(principal), body),
  ),
  // Network staff see "the jury", never which juror (SPEC §4).
  listDossierAudit: defineRoute(routeOf('listDossierAudit'), async ({ scope, principal, params, query }) => {
    const page = await listDossierAudit(scope, params.dossierId, organismRestriction(principal), query);
    // The request id stays with the operators (logs), not in the timeline.
    const items = page.items.map((event) => juryActorView(withoutAttributes(event, 'requestId'), principal));
    return { ...page, items };
  }),
  withdrawDossier: defineRoute(
    routeOf('withdrawDossier'),
    async ({ scope, ctx, principal, params, body }) => {
      const restriction = organismRestriction(principal);
      await withdrawDossier(scope, ctx, params.dossierId, restriction, body);
      return getDossierDetail(scope, params.dossierId, restriction);
    },
  ),
  resumeTraining: defineRoute(routeOf('resumeTraining'), async ({ scope, ctx, principal, params, body }) => {
    const restriction = organismRestriction(principal);
    await transitionDossier(scope, ctx, params.dossierId, restriction, {
      action: DossierAction.RESUME_TRAINING,
      version: body.version,
    });
    return getDossierDetail(scope, params.dossierId, restriction);
  }),
  reopenDossier: defineRoute(routeOf('reopenDossier'), async ({ scope, ctx, principal, params, body }) => {
    const restriction = organismRestriction(principal);
    await reopenDossier(scope, ctx, params.dossierId, restriction, body);
    return getDossierDetail(scope, params.dossierId, restriction);
  }),
  countDossiers: defineRoute(routeOf('countDossiers'), ({ scope, principal, query }) =>
    countDossiers(scope, query, organismRestriction(principal)),
  ),
  exportDossiers: defineRoute(routeOf('exportDossiers'), ({ scope, ctx, principal, query }) =>
    exportDossiers(scope, query, organismRestriction(principal), ctx.clock.instant()),
  ),
};

export { dossierHandlers };
