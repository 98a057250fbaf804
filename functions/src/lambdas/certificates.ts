import { createDispatcher } from '../dispatcher.ts';
import { certificateHandlers } from '../handlers/certificates.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.CERTIFICATES, certificateHandlers);
