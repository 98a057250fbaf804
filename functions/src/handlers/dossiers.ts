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
import { DossierAction, juryActorView } from '@socle/domain';
import { routeOf } from '@socle/contract/routeOf/dossiers';
import { defineRoute } from '../http.ts';
import { withoutAttributes } from '../routeResult.ts';

const dossierHandlers = {
  listDossiers: defineRoute(routeOf('listDossiers'), ({ actor, query }) => listDossiers(actor, query)),
  openDossier: defineRoute(routeOf('openDossier'), ({ actor, body, idempotency }) =>
    openDossier(actor, body, idempotency),
  ),
  getDossier: defineRoute(routeOf('getDossier'), ({ actor, params }) =>
    getDossierDetail(actor, params.dossierId),
  ),
  updateDossier: defineRoute(routeOf('updateDossier'), ({ actor, params, body }) =>
    updateDossier(actor, params.dossierId, body),
  ),
  // Network staff see "the jury", never which juror (SPEC §4).
  listDossierAudit: defineRoute(routeOf('listDossierAudit'), async ({ actor, params, query }) => {
    const page = await listDossierAudit(actor, params.dossierId, query);
    // The request id stays with the operators (logs), not in the timeline.
    const items = page.items.map((event) =>
      juryActorView(withoutAttributes(event, 'requestId'), actor.principal),
    );
    return { ...page, items };
  }),
  withdrawDossier: defineRoute(routeOf('withdrawDossier'), async ({ actor, params, body }) => {
    await withdrawDossier(actor, params.dossierId, body);
    return getDossierDetail(actor, params.dossierId);
  }),
  resumeTraining: defineRoute(routeOf('resumeTraining'), async ({ actor, params, body }) => {
    await transitionDossier(actor, params.dossierId, {
      action: DossierAction.RESUME_TRAINING,
      version: body.version,
    });
    return getDossierDetail(actor, params.dossierId);
  }),
  reopenDossier: defineRoute(routeOf('reopenDossier'), async ({ actor, params, body }) => {
    await reopenDossier(actor, params.dossierId, body);
    return getDossierDetail(actor, params.dossierId);
  }),
  countDossiers: defineRoute(routeOf('countDossiers'), ({ actor, query }) => countDossiers(actor, query)),
  exportDossiers: defineRoute(routeOf('exportDossiers'), ({ actor, query }) => exportDossiers(actor, query)),
};

export { dossierHandlers };
