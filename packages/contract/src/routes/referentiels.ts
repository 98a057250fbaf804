/** Référentiel versions: imported and published by the national admin, read by everyone. */
import {
  IdParam,
  ReferentielImport,
  ReferentielOut,
  ReferentielPublish,
  ReferentielSettingsUpdate,
  ReferentielSummary,
  Role,
  roles,
} from '@socle/domain';
import * as z from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';

const R = Role;

const referentielRoutes = [
  {
    id: 'listReferentiels',
    method: 'GET',
    path: '/referentiels',
    lambda: LambdaName.REFERENTIELS,
    scope: 'platform',
    roles,
    summary: 'Référentiel versions, drafts and published, with the current one per certification',
    response: { status: 200, schema: z.object({ items: z.array(ReferentielSummary) }) },
  },
  {
    id: 'importReferentiel',
    method: 'POST',
    path: '/referentiels',
    lambda: LambdaName.REFERENTIELS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Import a référentiel version (JSON) as a draft; problems are reported with their JSON path',
    request: { body: ReferentielImport },
    response: { status: 201, schema: ReferentielOut },
    idempotent: true,
  },
  {
    id: 'getReferentiel',
    method: 'GET',
    path: '/referentiels/{referentielId}',
    lambda: LambdaName.REFERENTIELS,
    scope: 'platform',
    roles,
    summary: 'A référentiel version with its grid, thresholds and limits',
    request: { params: IdParam('referentielId') },
    response: { status: 200, schema: ReferentielOut },
  },
  {
    id: 'updateReferentielSettings',
    method: 'PATCH',
    path: '/referentiels/{referentielId}',
    lambda: LambdaName.REFERENTIELS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Set the thresholds and limits of a draft',
    request: { params: IdParam('referentielId'), body: ReferentielSettingsUpdate },
    response: { status: 200, schema: ReferentielOut },
  },
  {
    id: 'publishReferentiel',
    method: 'POST',
    path: '/referentiels/{referentielId}/publish',
    lambda: LambdaName.REFERENTIELS,
    scope: 'platform',
    roles: [R.NATIONAL_ADMIN],
    summary: 'Publish a draft: it becomes immutable and new dossiers are opened under it',
    request: { params: IdParam('referentielId'), body: ReferentielPublish },
    response: { status: 200, schema: ReferentielOut },
  },
] as const satisfies readonly RouteDefinition[];

export { referentielRoutes };
