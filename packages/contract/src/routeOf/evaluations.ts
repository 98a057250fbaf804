/** `routeOf(id)` over the evaluations routes only (see ../routeFinder.ts). */
import { routeFinder } from '../routeFinder.ts';
import { evaluationRoutes } from '../routes/evaluations.ts';

const routeOf = routeFinder(evaluationRoutes);

export { routeOf };
