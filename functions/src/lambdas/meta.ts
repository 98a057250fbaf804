import { createDispatcher } from '../dispatcher.ts';
import { metaHandlers } from '../handlers/meta.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.META, metaHandlers);
