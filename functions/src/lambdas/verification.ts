import { LambdaName } from '@socle/contract/routeTypes';
import { certificateRoutes } from '@socle/contract/routes/certificates';
import { createDispatcher } from '../dispatcher.ts';
import { edgeOnly } from '../edgeOnly.ts';
import { verificationHandlers } from '../handlers/certificates.ts';

const dispatcher = createDispatcher(LambdaName.VERIFICATION, certificateRoutes, verificationHandlers);

// Only through CloudFront: the execute-api URL would bypass the WAF (edgeOnly.ts).
export const handler = Object.assign(edgeOnly(dispatcher), { served: dispatcher.served });
