import { LambdaName } from '@socle/contract/routeTypes';
import { dossierRoutes } from '@socle/contract/routes/dossiers';
import { createDispatcher } from '../dispatcher.ts';
import { dossierHandlers } from '../handlers/dossiers.ts';

export const handler = createDispatcher(LambdaName.DOSSIERS, dossierRoutes, dossierHandlers);
