/**
 * The notification backbone as deployed (lib/constructs/Notifications.ts): outbox delivery every
 * minute through SES, bounces and complaints back through SNS, each function with the one action it
 * needs on its own partitions; and the expiry sweep's reminders (same transaction as the marker).
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Notifications } from '../lib/constructs/Notifications.ts';
import type { SocleFunction } from '../lib/constructs/SocleFunction.ts';
import type { StatefulStack } from '../lib/StatefulStack.ts';
import type { StatelessStack } from '../lib/StatelessStack.ts';
import { logicalId, socleApp } from './fixtures.ts';

interface Statement {
  readonly Effect?: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const leadingKeysOf = (statement: Statement) =>
  statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];

describe('Construct: Notifications', () => {
  let stateful: StatefulStack;
  let stack: StatelessStack;
  let notifications: Notifications;
  let template: Template;

  const statementsOf = (fn: SocleFunction): Statement[] =>
    Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: logicalId(fn.role!) }] } }),
    ).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  /** The DynamoDB grants, as action, partitions and resources (the denies are SocleFunction's). */
  const dynamoGrantsOf = (fn: SocleFunction) =>
    statementsOf(fn)
      .filter((s) => s.Effect !== 'Deny' && actionsOf(s).some((a) => a.startsWith('dynamodb:')))
      .map((s) => ({
        actions: actionsOf(s),
        leadingKeys: leadingKeysOf(s),
        resources: [s.Resource].flat().length,
      }));
  const tableOnly = 1;
  const tableAndIndexes = () => 1 + stateful.table.indexNames.length;
  const variablesOf = (fn: SocleFunction) =>
    template.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables as Record<string, unknown>;

  beforeAll(() => {
    ({ stateful, stateless: stack } = socleApp({ stage: 'prod' }));
    notifications = stack.notifications as Notifications;
    template = Template.fromStack(stack);
  });

  describe('Outbox delivery', () => {
    const delivery = () => notifications.delivery;

    it('runs every minute, for at most 2 minutes', () => {
      const functionId = logicalId(delivery().function);
      expect(template).toHaveResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'rate(1 minute)',
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] } })],
      });
      const timeout = template.toJSON().Resources[functionId].Properties.Timeout;
      expect(timeout).toBeLessThanOrEqual(120);
      expect(timeout).toBeGreaterThan(10);
    });

    it('sends from the stage address through its configuration set, with links to the site', () => {
      const variables = variablesOf(delivery().function);
      expect(variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'outboxDelivery',
        TABLE_NAME: expect.anything(),
        NOTIFICATIONS_FROM_ADDRESS: stateful.email.fromAddress,
      });
      // A value of the stateful stack: its configuration set's name.
      expect(JSON.stringify(variables.SES_CONFIGURATION_SET)).toMatch(
        /socle-prod-stateful.*ConfigurationSet|ConfigurationSet.*socle-prod-stateful/,
      );
      expect(stateful.email.fromAddress).toMatch(/^ne-pas-repondre@/);
      expect(JSON.stringify(variables.PUBLIC_WEB_URL)).toContain(logicalId(stack.web.distribution));
      // The organizer defaults to the from-address unless the construct is given one.
      expect(variables).not.toHaveProperty('JURY_ORGANIZER_EMAIL');
    });

    it('queries the pending index, reads the suppression list and updates the messages: nothing more', () => {
      expect(dynamoGrantsOf(delivery().function)).toEqual([
        { actions: ['dynamodb:Query'], leadingKeys: ['OUTBOX#PENDING#*'], resources: tableAndIndexes() },
        { actions: ['dynamodb:BatchGetItem'], leadingKeys: ['SUPPRESSED#*'], resources: tableOnly },
        { actions: ['dynamodb:UpdateItem'], leadingKeys: ['T#*', 'OUTBOX#*'], resources: tableOnly },
      ]);
    });

    it('may send email only from the identity, through the configuration set', () => {
      const ses = statementsOf(delivery().function).filter((s) =>
        actionsOf(s).some((a) => a.startsWith('ses:')),
      );
      expect(ses).toHaveLength(1);
      expect(actionsOf(ses[0] as Statement)).toEqual(['ses:SendEmail']);
      const resources = JSON.stringify(ses[0]?.Resource);
      expect(resources).toContain(`:identity/${stateful.email.domain}`);
      expect(resources).toContain(':configuration-set/');
      expect(resources).not.toContain('"*"');
    });

    it('dead-letters runs that failed every retry, and alarms on them', () => {
      const queueId = logicalId(delivery().deadLetterQueue);
      expect(template).toHaveResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId(delivery().function) },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 600,
      });
      expect(template.toJSON().Resources[logicalId(delivery().function)].Properties.DeadLetterConfig).toEqual(
        {
          TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        },
      );
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: logicalId(stack.monitoring.alarmTopic) }],
      });
    });

    it('alarms on errors, to the alarm topic', () => {
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(delivery().function) } }],
        AlarmActions: [{ Ref: logicalId(stack.monitoring.alarmTopic) }],
      });
    });
  });

  describe('Bounces and complaints', () => {
    const topicId = () => logicalId(notifications.sesEventsTopic);
    const queueId = () => logicalId(notifications.sesEventsDeadLetterQueue);
    const functionId = () => logicalId(notifications.sesEvents);

    it("has the stage's configuration set publish bounces and complaints to the topic", () => {
      const destinations = Object.values(
        template.findResources('AWS::SES::ConfigurationSetEventDestination'),
      );
      expect(destinations).toHaveLength(1);
      const { ConfigurationSetName, EventDestination } = destinations[0]?.Properties ?? {};
      expect(JSON.stringify(ConfigurationSetName)).toMatch(/socle-prod-stateful.*ConfigurationSet/);
      expect(EventDestination).toEqual({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: topicId() } },
      });
      expect(template).toHaveResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topicId() }],
        PolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([
            // In this order: arrayWith keeps it.
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
            Match.objectLike({
              Effect: 'Allow',
              Action: 'sns:Publish',
              Principal: { Service: 'ses.amazonaws.com' },
            }),
          ]),
        }),
      });
    });

    it('subscribes sesEvents to the topic, with a dead-letter queue for what SNS cannot deliver', () => {
      expect(template).toHaveResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'lambda',
        TopicArn: { Ref: topicId() },
        Endpoint: { 'Fn::GetAtt': [functionId(), 'Arn'] },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queueId(), 'Arn'] } },
      });
      expect(template).toHaveResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId(), 'Arn'] },
        Principal: 'sns.amazonaws.com',
        SourceArn: { Ref: topicId() },
      });
    });

    it('retries a failed event twice in Lambda, then dead-letters it, and alarms', () => {
      expect(template).toHaveResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId() },
        MaximumRetryAttempts: 2,
      });
      expect(template.toJSON().Resources[functionId()].Properties.DeadLetterConfig).toEqual({
        TargetArn: { 'Fn::GetAtt': [queueId(), 'Arn'] },
      });
      expect(template.toJSON().Resources[queueId()].Properties).toMatchObject({ SqsManagedSseEnabled: true });
      expect(template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(), 'QueueName'] } }],
        Threshold: 0,
        AlarmActions: [{ Ref: logicalId(stack.monitoring.alarmTopic) }],
      });
    });

    it('may only update the suppression list', () => {
      expect(dynamoGrantsOf(notifications.sesEvents)).toEqual([
        { actions: ['dynamodb:UpdateItem'], leadingKeys: ['SUPPRESSED#*'], resources: tableOnly },
      ]);
      expect(
        statementsOf(notifications.sesEvents)
          .flatMap(actionsOf)
          .some((a) => a.startsWith('ses:')),
      ).toBe(false);
    });
  });

  describe('Expiry sweep (deadline reminders)', () => {
    it('may read the dossiers, check one and put the reminder and its message in one transaction', () => {
      const fn = stack.jobs.expirySweep.function;
      const tenant = statementsOf(fn).find(
        (s) => s.Effect !== 'Deny' && JSON.stringify(leadingKeysOf(s)) === JSON.stringify(['T#*']),
      );
      expect(actionsOf(tenant as Statement)).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:PutItem',
        ]),
      );
    });
  });

  it('is deployed in every stage, dev included', () => {
    const { stateless } = socleApp({ stage: 'dev' });
    expect(stateless.notifications?.delivery.function).toBeDefined();
  });
});
