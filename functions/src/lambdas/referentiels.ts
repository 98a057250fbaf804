import { createDispatcher } from '../dispatcher.ts';
import { referentielHandlers } from '../handlers/referentiels.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.REFERENTIELS, referentielHandlers);
