/** `routeOf(id)` over the network routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { networkRoutes } from '../routes/network.ts';

const routeOf = routeFinder(networkRoutes);

export { routeOf };
