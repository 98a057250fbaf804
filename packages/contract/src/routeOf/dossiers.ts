/** `routeOf(id)` over the dossiers routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { dossierRoutes } from '../routes/dossiers.ts';

const routeOf = routeFinder(dossierRoutes);

export { routeOf };
