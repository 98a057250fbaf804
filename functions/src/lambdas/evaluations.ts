import { LambdaName } from '@socle/contract/routeTypes';
import { evaluationRoutes } from '@socle/contract/routes/evaluations';
import { createDispatcher } from '../dispatcher.ts';
import { evaluationHandlers } from '../handlers/evaluations.ts';

export const handler = createDispatcher(LambdaName.EVALUATIONS, evaluationRoutes, evaluationHandlers);
