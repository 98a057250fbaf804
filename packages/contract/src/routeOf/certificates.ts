/** `routeOf(id)` over the certificates routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { certificateRoutes } from '../routes/certificates.ts';

const routeOf = routeFinder(certificateRoutes);

export { routeOf };
