import { createDispatcher } from '../dispatcher.ts';
import { verificationHandlers } from '../handlers/certificates.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.VERIFICATION, verificationHandlers);
