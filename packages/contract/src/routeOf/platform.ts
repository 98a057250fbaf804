/** `routeOf(id)` over the platform routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { platformRoutes } from '../routes/platform.ts';

const routeOf = routeFinder(platformRoutes);

export { routeOf };
