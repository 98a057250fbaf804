import { LambdaName } from '@socle/contract/routeTypes';
import { statsRoutes } from '@socle/contract/routes/stats';
import { createDispatcher } from '../dispatcher.ts';
import { statsHandlers } from '../handlers/stats.ts';

export const handler = createDispatcher(LambdaName.STATS, statsRoutes, statsHandlers);
