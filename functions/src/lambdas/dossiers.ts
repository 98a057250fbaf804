import { createDispatcher } from '../dispatcher.ts';
import { dossierHandlers } from '../handlers/dossiers.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.DOSSIERS, dossierHandlers);
