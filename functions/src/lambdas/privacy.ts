import { LambdaName } from '@socle/contract/routeTypes';
import { dataProtectionRoutes } from '@socle/contract/routes/dataProtection';
import { createDispatcher } from '../dispatcher.ts';
import { dataProtectionHandlers } from '../handlers/dataProtection.ts';

export const handler = createDispatcher(LambdaName.PRIVACY, dataProtectionRoutes, dataProtectionHandlers);
