import { LambdaName } from '@socle/contract/routeTypes';
import { metaRoutes } from '@socle/contract/routes/meta';
import { createDispatcher } from '../dispatcher.ts';
import { metaHandlers } from '../handlers/meta.ts';

export const handler = createDispatcher(LambdaName.META, metaRoutes, metaHandlers);
