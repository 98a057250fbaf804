import { createDispatcher } from '../dispatcher.ts';
import { statsHandlers } from '../handlers/stats.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.STATS, statsHandlers);
