import { createDispatcher } from '../dispatcher.ts';
import { juryHandlers } from '../handlers/juries.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.JURIES, juryHandlers);
