/** Référentiel versions: import, settings, publication (national admin); reading (everyone). */
import {
  findCurrentReferentielId,
  getReferentiel,
  importReferentiel,
  listReferentiels,
  publishReferentiel,
  updateReferentielSettings,
} from '@socle/data';
import type { StoredReferentiel } from '@socle/data';
import { routeOf } from '@socle/contract/routeOf/referentiels';
import { defineRoute } from '../http.ts';
import { withoutAttributes } from '../routeResult.ts';

const withCurrent = async (ref: StoredReferentiel) => ({
  ...ref,
  current: (await findCurrentReferentielId(ref.certification)) === ref.id,
});

const referentielHandlers = {
  // The list reads a projection: no content, thresholds or limits, whatever the stored type says.
  listReferentiels: defineRoute(routeOf('listReferentiels'), async () => ({
    items: (await listReferentiels()).map((ref) => withoutAttributes(ref, 'domains', 'thresholds', 'limits')),
  })),
  importReferentiel: defineRoute(routeOf('importReferentiel'), async ({ actor, body, idempotency }) => ({
    ...(await importReferentiel(actor, body.document, idempotency)),
    current: false,
  })),
  getReferentiel: defineRoute(routeOf('getReferentiel'), async ({ params }) =>
    withCurrent(await getReferentiel(params.referentielId)),
  ),
  updateReferentielSettings: defineRoute(
    routeOf('updateReferentielSettings'),
    async ({ actor, params, body }) =>
      withCurrent(await updateReferentielSettings(actor, params.referentielId, body)),
  ),
  publishReferentiel: defineRoute(routeOf('publishReferentiel'), async ({ actor, params, body }) =>
    withCurrent(await publishReferentiel(actor, params.referentielId, body)),
  ),
};

export { referentielHandlers };
