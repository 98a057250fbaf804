import { createDispatcher } from '../dispatcher.ts';
import { documentHandlers } from '../handlers/documents.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.DOCUMENTS, documentHandlers);
