import { LambdaName } from '@socle/contract/routeTypes';
import { networkRoutes } from '@socle/contract/routes/network';
import { createDispatcher } from '../dispatcher.ts';
import { networkHandlers } from '../handlers/network.ts';

export const handler = createDispatcher(LambdaName.NETWORK, networkRoutes, networkHandlers);
