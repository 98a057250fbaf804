/**
 * The documents Lambda's routes, declared in the tables of the contexts whose documents they render,
 * and `routeOf(id)` over them (see ../routeFinder.ts).
 */
import { routeFinder, routesServedBy } from '../routeFinder.ts';
import { certificateRoutes } from '../routes/certificates.ts';
import { dataProtectionRoutes } from '../routes/dataProtection.ts';
import { evaluationRoutes } from '../routes/evaluations.ts';
import { juryRoutes } from '../routes/juries.ts';
import { statsRoutes } from '../routes/stats.ts';
import { LambdaName } from '../routeTypes.ts';

const documentRoutes = routesServedBy(
  LambdaName.DOCUMENTS,
  certificateRoutes,
  dataProtectionRoutes,
  evaluationRoutes,
  juryRoutes,
  statsRoutes,
);
const routeOf = routeFinder(documentRoutes);

export { documentRoutes, routeOf };
