import { createDispatcher } from '../dispatcher.ts';
import { platformHandlers } from '../handlers/platform.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.PLATFORM, platformHandlers);
