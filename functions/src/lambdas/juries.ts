import { LambdaName } from '@socle/contract/routeTypes';
import { juryRoutes } from '@socle/contract/routes/juries';
import { createDispatcher } from '../dispatcher.ts';
import { juryHandlers } from '../handlers/juries.ts';

export const handler = createDispatcher(LambdaName.JURIES, juryRoutes, juryHandlers);
