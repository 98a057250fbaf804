/** `routeOf(id)` over the dataProtection routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { dataProtectionRoutes } from '../routes/dataProtection.ts';

const routeOf = routeFinder(dataProtectionRoutes);

export { routeOf };
