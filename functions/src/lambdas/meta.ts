import { createDispatcher } from '../dispatcher.ts';
import { metaHandlers } from '../handlers/meta.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.META, metaHandlers);
