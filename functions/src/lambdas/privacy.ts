import { createDispatcher } from '../dispatcher.ts';
import { dataProtectionHandlers } from '../handlers/dataProtection.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.PRIVACY, dataProtectionHandlers);
