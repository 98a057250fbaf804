import { createDispatcher } from '../dispatcher.ts';
import { certificateHandlers } from '../handlers/certificates.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.CERTIFICATES, certificateHandlers);
