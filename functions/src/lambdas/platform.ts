import { createDispatcher } from '../dispatcher.ts';
import { platformHandlers } from '../handlers/platform.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.PLATFORM, platformHandlers);
