import { createDispatcher } from '../dispatcher.ts';
import { evaluationHandlers } from '../handlers/evaluations.ts';
import { LambdaName } from '../routeTypes.ts';

export const handler = createDispatcher(LambdaName.EVALUATIONS, evaluationHandlers);
