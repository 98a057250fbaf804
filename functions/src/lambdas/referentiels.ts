import { LambdaName } from '@socle/contract/routeTypes';
import { referentielRoutes } from '@socle/contract/routes/referentiels';
import { createDispatcher } from '../dispatcher.ts';
import { referentielHandlers } from '../handlers/referentiels.ts';

export const handler = createDispatcher(LambdaName.REFERENTIELS, referentielRoutes, referentielHandlers);
