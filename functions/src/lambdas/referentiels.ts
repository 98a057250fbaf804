import { createDispatcher } from '../dispatcher.ts';
import { referentielHandlers } from '../handlers/referentiels.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.REFERENTIELS, referentielHandlers);
