/** `routeOf(id)` over the referentiels routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { referentielRoutes } from '../routes/referentiels.ts';

const routeOf = routeFinder(referentielRoutes);

export { routeOf };
