/** `routeOf(id)` over the juries routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { juryRoutes } from '../routes/juries.ts';

const routeOf = routeFinder(juryRoutes);

export { routeOf };
