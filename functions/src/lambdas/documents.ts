import { createDispatcher } from '../dispatcher.ts';
import { documentHandlers } from '../handlers/documents.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.DOCUMENTS, documentHandlers);
