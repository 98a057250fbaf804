import { createDispatcher } from '../dispatcher.ts';
import { networkHandlers } from '../handlers/network.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.NETWORK, networkHandlers);
