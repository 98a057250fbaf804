/**
 * The Lambdas' IAM policies as CloudFormation would deploy them: the app synthesized offline (as
 * `cdk synth` does, bundling skipped), each function role's policy documents read from the
 * template, and the intrinsics they hold (the table's ARN read from the stateful stack's outputs,
 * `Fn::Join`s, pseudo parameters) resolved to fixed values, so an IAM simulator can evaluate them.
 */
import { Stack } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { SocleFunction } from '../../infra/lib/constructs/SocleFunction.ts';
import { logicalId, socleApp } from '../../infra/test/fixtures.ts';
import type { JobName, LambdaName } from '../../infra/lib/StatelessStack.ts';

/** The functions outside the route table and the scheduled jobs. */
type OtherFunctionName = 'outboxDelivery' | 'sesEvents' | 'preTokenGeneration';

/** The account and region the resolved ARNs name (any fixed values do: one account, one region). */
const ACCOUNT_ID = '123456789012';
const REGION = 'eu-west-3';
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/socle`;

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, walked generically
type Json = any;

interface PolicyDocument {
  Version: string;
  Statement: Json[];
}

interface RolePolicies {
  /** The principal of the role's requests: its ARN, or its session's for an assumed role. */
  readonly principalArn: string;
  /** Every policy document attached to the role, DynamoDB statements only. */
  readonly policies: readonly { name: string; policy: PolicyDocument }[];
}

interface FunctionPolicies extends RolePolicies {
  /** The role a tenant route's requests are signed with (SocleFunction.tenantRole), if any. */
  readonly tenant?: RolePolicies;
}

const pseudoParameters: Record<string, string> = {
  'AWS::AccountId': ACCOUNT_ID,
  'AWS::Region': REGION,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

/**
 * Resolves the intrinsics of `value` in one stack's template. The table (by its logical ID in the
 * stateful stack) becomes `TABLE_ARN`; what an export names is resolved in the exporting template;
 * anything else becomes a placeholder ARN naming it (never a DynamoDB resource).
 */
const resolverOf = (templates: { stateful: Json; stateless: Json }, tableId: string) => {
  const outputs = Object.entries<Json>(templates.stateful.Outputs ?? {});
  const exported = new Map<string, Json>(
    outputs
      .filter(([, output]) => output.Export?.Name)
      .map(([, output]) => [JSON.stringify(output.Export.Name), output.Value]),
  );
  const published = new Map<string, Json>(outputs.map(([name, output]) => [name, output.Value]));
  const resolve = (value: Json, inStateful: boolean): Json => {
    if (Array.isArray(value)) return value.map((item) => resolve(item, inStateful));
    if (value === null || typeof value !== 'object') return value;
    const [intrinsic, argument] = Object.entries<Json>(value)[0] ?? [];
    switch (intrinsic) {
      case 'Ref':
        if (pseudoParameters[argument]) return pseudoParameters[argument];
        return inStateful && argument === tableId ? 'socle' : `arn:aws:placeholder:::ref/${argument}`;
      case 'Fn::GetAtt': {
        const [resource, attribute] = argument as [string, string];
        return inStateful && resource === tableId && attribute === 'Arn'
          ? TABLE_ARN
          : `arn:aws:placeholder:::${resource}/${attribute}`;
      }
      case 'Fn::ImportValue': {
        const source = exported.get(JSON.stringify(resolve(argument, inStateful)));
        return source === undefined ? `arn:aws:placeholder:::import` : resolve(source, true);
      }
      // A cross-stack reference read at deploy time (CDK's strong references between stacks).
      case 'Fn::GetStackOutput': {
        const source = published.get((argument as { OutputName: string }).OutputName);
        return source === undefined ? `arn:aws:placeholder:::output` : resolve(source, true);
      }
      case 'Fn::Join': {
        const [separator, parts] = argument as [string, Json[]];
        return parts.map((part) => resolve(part, inStateful)).join(separator);
      }
      default:
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, inStateful)]));
    }
  };
  return (value: Json, inStateful = false) => resolve(value, inStateful);
};

const isDynamoStatement = (statement: Json) =>
  [statement.Action ?? []].flat().some((action: string) => action.startsWith('dynamodb:'));

/**
 * Synthesizes the prod stage and returns, per function (the API Lambdas, the scheduled jobs, the
 * outbox delivery and SES events, the token trigger), its role's DynamoDB statements, resolved, and
 * its tenant role's. Takes a few seconds.
 */
const synthesizedPolicies = (): Record<LambdaName | JobName | OtherFunctionName, FunctionPolicies> => {
  const { app, stateful, stateless } = socleApp({ stage: 'prod' });
  const assembly = app.synth();
  const templates = {
    stateful: assembly.getStackByName(stateful.stackName).template,
    stateless: assembly.getStackByName(stateless.stackName).template,
  };
  const resolve = resolverOf(templates, logicalId(stateful.dataTable));
  const policiesOf = (role: IRole, principalArn: (roleId: string) => string): RolePolicies => {
    const roleId = logicalId(role);
    const inStateful = Stack.of(role) === stateful;
    const template = inStateful ? templates.stateful : templates.stateless;
    const policies = Object.entries<Json>(template.Resources)
      .filter(
        ([, resource]) =>
          resource.Type === 'AWS::IAM::Policy' &&
          (resource.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId),
      )
      .map(([name, resource]) => {
        const document = resolve(resource.Properties.PolicyDocument, inStateful) as PolicyDocument;
        return { name, policy: { ...document, Statement: document.Statement.filter(isDynamoStatement) } };
      });
    return { principalArn: principalArn(roleId), policies };
  };
  const roleArn = (roleId: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${roleId}`;
  const sessionArn = (roleId: string) => `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleId}/tenant`;
  const functionPolicies = (fn: SocleFunction): FunctionPolicies => {
    const tenantRole = fn.node.tryFindChild('TenantRole') as IRole | undefined;
    return {
      ...policiesOf(fn.role!, roleArn),
      ...(tenantRole && { tenant: policiesOf(tenantRole, sessionArn) }),
    };
  };
  const functions = Object.entries(stateless.functions).map(([name, fn]) => [name, functionPolicies(fn)]);
  const jobs = Object.entries(stateless.jobs).map(([name, job]) => [name, functionPolicies(job.function)]);
  // Outside the route table: the outbox delivery and SES events (with an email sender), the token trigger.
  const notifications = stateless.notifications;
  const others = [
    ...(notifications
      ? [
          ['outboxDelivery', functionPolicies(notifications.delivery.function)],
          ['sesEvents', functionPolicies(notifications.sesEvents)],
        ]
      : []),
    ['preTokenGeneration', functionPolicies(stateful.node.findChild('PreTokenGeneration') as SocleFunction)],
  ];
  return Object.fromEntries([...functions, ...jobs, ...others]);
};

export type { FunctionPolicies, PolicyDocument, RolePolicies };
export { ACCOUNT_ID, REGION, TABLE_ARN, synthesizedPolicies };
