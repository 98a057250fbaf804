/**
 * Evaluates recorded DynamoDB authorizations against the synthesized policies with an IAM policy
 * simulator (@cloud-copilot/iam-simulate: AWS's evaluation logic, condition operators and policy
 * variables included), not with our own matching.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { AuthorizationRequest } from './dynamoRequests.ts';
import { ACCOUNT_ID, TABLE_ARN } from './synthesizedPolicies.ts';
import type { RolePolicies } from './synthesizedPolicies.ts';

interface Denial {
  readonly request: AuthorizationRequest;
  /** 'ImplicitlyDenied', 'ExplicitlyDenied', or the simulator's validation errors. */
  readonly result: string;
}

/** What IAM would be asked: the sender's policies, the action, the resource, the context keys. */
interface Evaluation {
  /** The role whose credentials signed the request (a tenant role's session for a tenant route). */
  readonly policies: RolePolicies;
  readonly request: AuthorizationRequest;
  /** Context keys beyond `dynamodb:LeadingKeys` (a session's principal tags). @default - none */
  readonly context?: Readonly<Record<string, string>>;
}

/** The ARN of the request's table or index; every request must name the harness's table. */
const resourceArnOf = (request: AuthorizationRequest, tableName: string) => {
  if (request.tableName !== tableName)
    throw new Error(`request names table ${request.tableName}, not ${tableName}`);
  return request.indexName ? `${TABLE_ARN}/index/${request.indexName}` : TABLE_ARN;
};

const evaluationKey = ({ policies, request, context }: Evaluation) =>
  JSON.stringify([policies.principalArn, request.action, request.indexName, request.leadingKeys, context]);

/**
 * The evaluations IAM would not allow. Identical ones (same role, action, resource, keys, context)
 * are simulated once.
 */
const deniedEvaluations = async (
  evaluations: readonly Evaluation[],
  tableName: string,
): Promise<Denial[]> => {
  const results = new Map<string, string>();
  const denials: Denial[] = [];
  for (const evaluation of evaluations) {
    const key = evaluationKey(evaluation);
    let result = results.get(key);
    if (result === undefined) {
      const { policies, request, context } = evaluation;
      const response = await runSimulation(
        {
          request: {
            principal: policies.principalArn,
            action: request.action,
            resource: { resource: resourceArnOf(request, tableName), accountId: ACCOUNT_ID },
            contextVariables: {
              ...context,
              // No partition key (a Scan): the key is absent, as in IAM's request context.
              ...(request.leadingKeys.length > 0 && { 'dynamodb:LeadingKeys': [...request.leadingKeys] }),
            },
          },
          identityPolicies: policies.policies.map(({ name, policy }) => ({ name, policy })),
          serviceControlPolicies: [],
          resourceControlPolicies: [],
        },
        {},
      );
      result =
        response.resultType === 'error' ? JSON.stringify(response.errors) : String(response.overallResult);
      results.set(key, result);
    }
    if (result !== 'Allowed') denials.push({ request: evaluation.request, result });
  }
  return denials;
};

/** One line per distinct denial (with its count), for a failure message. */
const describeDenials = (denials: readonly Denial[]): string => {
  const lines = new Map<string, number>();
  for (const { request: r, result } of denials) {
    const line =
      `${r.sender.lambda} (${r.sender.route ?? 'no route'}${r.tenantId ? `, tenant ${r.tenantId}` : ''}): ` +
      `${r.action} on ${r.indexName ?? 'table'} ` +
      `with keys ${JSON.stringify(r.leadingKeys)}: ${result}`;
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  return [...lines].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line)).join('\n');
};

export type { Denial, Evaluation };
export { deniedEvaluations, describeDenials };
