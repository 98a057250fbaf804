import { createDispatcher } from '../dispatcher.ts';
import { dossierHandlers } from '../handlers/dossiers.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.DOSSIERS, dossierHandlers);
