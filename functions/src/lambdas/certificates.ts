import { LambdaName } from '@socle/contract/routeTypes';
import { certificateRoutes } from '@socle/contract/routes/certificates';
import { createDispatcher } from '../dispatcher.ts';
import { certificateHandlers } from '../handlers/certificates.ts';

export const handler = createDispatcher(LambdaName.CERTIFICATES, certificateRoutes, certificateHandlers);
