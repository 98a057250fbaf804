/**
 * The one route table. The CDK stack creates an HTTP API route per entry (wired to the entry's
 * Lambda, with the JWT authorizer unless public); the local server dispatches through the same
 * entries; the OpenAPI document and the isolation/role/bad-input tests are generated from it.
 * Each bounded context declares its routes in `routes/<context>.ts`.
 */
import { certificateRoutes } from './routes/certificates.ts';
import { dataProtectionRoutes } from './routes/dataProtection.ts';
import { dossierRoutes } from './routes/dossiers.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { juryRoutes } from './routes/juries.ts';
import { metaRoutes } from './routes/meta.ts';
import { networkRoutes } from './routes/network.ts';
import { platformRoutes } from './routes/platform.ts';
import { referentielRoutes } from './routes/referentiels.ts';
import { statsRoutes } from './routes/stats.ts';

const routes = [
  ...metaRoutes,
  ...platformRoutes,
  ...networkRoutes,
  ...dossierRoutes,
  ...referentielRoutes,
  ...evaluationRoutes,
  ...juryRoutes,
  ...certificateRoutes,
  ...dataProtectionRoutes,
  ...statsRoutes,
] as const;

type RouteId = (typeof routes)[number]['id'];

export type { RouteId };
export { routes };
