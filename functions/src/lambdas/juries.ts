import { createDispatcher } from '../dispatcher.ts';
import { juryHandlers } from '../handlers/juries.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.JURIES, juryHandlers);
