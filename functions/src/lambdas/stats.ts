import { createDispatcher } from '../dispatcher.ts';
import { statsHandlers } from '../handlers/stats.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.STATS, statsHandlers);
