/** `routeOf(id)` over the stats routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { statsRoutes } from '../routes/stats.ts';

const routeOf = routeFinder(statsRoutes);

export { routeOf };
