/** `routeOf(id)` over the meta routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { metaRoutes } from '../routes/meta.ts';

const routeOf = routeFinder(metaRoutes);

export { routeOf };
