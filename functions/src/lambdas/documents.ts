import { LambdaName } from '@socle/contract/routeTypes';
import { documentRoutes } from '@socle/contract/routeOf/documents';
import { createDispatcher } from '../dispatcher.ts';
import { documentHandlers } from '../handlers/documents.ts';

export const handler = createDispatcher(LambdaName.DOCUMENTS, documentRoutes, documentHandlers);
