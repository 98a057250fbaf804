import { createDispatcher } from '../dispatcher.ts';
import { evaluationHandlers } from '../handlers/evaluations.ts';
import { LambdaName } from '@socle/contract/routeTypes';

export const handler = createDispatcher(LambdaName.EVALUATIONS, evaluationHandlers);
