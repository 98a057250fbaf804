import { createDispatcher } from '../dispatcher.ts';
import { verificationHandlers } from '../handlers/certificates.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.VERIFICATION, verificationHandlers);
