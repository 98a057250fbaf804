import { createDispatcher } from '../dispatcher.ts';
import { dataProtectionHandlers } from '../handlers/dataProtection.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.PRIVACY, dataProtectionHandlers);
