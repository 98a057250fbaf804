import { LambdaName } from '@socle/contract/routeTypes';
import { platformRoutes } from '@socle/contract/routes/platform';
import { createDispatcher } from '../dispatcher.ts';
import { platformHandlers } from '../handlers/platform.ts';

export const handler = createDispatcher(LambdaName.PLATFORM, platformRoutes, platformHandlers);
