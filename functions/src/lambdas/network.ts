import { createDispatcher } from '../dispatcher.ts';
import { networkHandlers } from '../handlers/network.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.NETWORK, networkHandlers);
