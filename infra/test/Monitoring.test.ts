import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { Monitoring } from '../lib/constructs/Monitoring.ts';
import type { MonitoringProps } from '../lib/constructs/Monitoring.ts';
import type { StatefulStack } from '../lib/StatefulStack.ts';
import type { StatelessStack } from '../lib/StatelessStack.ts';
import { bareStack, logicalId, socleApp } from './fixtures.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

/** A bare stack with two APIs, three functions (one with its own errors alarm), two dead-letter queues. */
const monitoredStack = (overrides: Partial<MonitoringProps> = {}) => {
  const stack = bareStack();
  const fn = (id: string) =>
    new LambdaFunction(stack, id, {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => ({});'),
    });
  const api = new HttpApi(stack, 'Api');
  const publicApi = new HttpApi(stack, 'PublicApi');
  const apiAnyServerErrorAlarm = api.metricServerError().createAlarm(stack, 'AnyServerError', {
    threshold: 1,
    evaluationPeriods: 1,
  });
  const dossiers = fn('Dossiers');
  const dossiersErrors = dossiers.metricErrors().createAlarm(stack, 'DossiersErrors', {
    threshold: 1,
    evaluationPeriods: 1,
  });
  const verification = fn('Verification');
  const trigger = fn('Trigger');
  const sweepQueue = new Queue(stack, 'SweepQueue');
  const sweepDepth = sweepQueue.metricApproximateNumberOfMessagesVisible().createAlarm(stack, 'SweepDepth', {
    threshold: 0,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const driftQueue = new Queue(stack, 'DriftQueue');
  const table = new Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
  });
  const monitoring = new Monitoring(stack, 'Monitoring', {
    apis: { api: { api, alarms: [apiAnyServerErrorAlarm] }, publicApi: { api: publicApi } },
    functions: {
      dossiers: { function: dossiers, errorsAlarm: dossiersErrors },
      verification: { function: verification },
      preTokenGeneration: { function: trigger },
    },
    deadLetterQueues: {
      expirySweep: { queue: sweepQueue, depthAlarm: sweepDepth },
      counterDriftCheck: { queue: driftQueue },
    },
    table,
    namespace: 'Socle',
    businessMetrics: [
      { title: 'Certificates issued', metricName: 'CertificatesIssued', service: 'juries' },
      { title: 'Verifications', metricName: 'Verifications', service: 'verification' },
    ],
    requestErrorMetrics: {
      clientErrors: 'ClientErrors',
      serverErrors: 'ServerErrors',
      services: ['dossiers', 'verification'],
    },
    ...overrides,
  });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Resources;
  const alarms = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
  return {
    stack,
    template,
    monitoring,
    alarms,
    topicId: logicalId(monitoring.alarmTopic),
    ids: {
      api: logicalId(api),
      publicApi: logicalId(publicApi),
      dossiers: logicalId(dossiers),
      verification: logicalId(verification),
      trigger: logicalId(trigger),
      sweepQueue: logicalId(sweepQueue),
      driftQueue: logicalId(driftQueue),
      table: logicalId(table),
      apiAnyServerErrorAlarm: logicalId(apiAnyServerErrorAlarm),
      dossiersErrors: logicalId(dossiersErrors),
      sweepDepth: logicalId(sweepDepth),
    },
  };
};

describe('Class: Monitoring', () => {
  let built: ReturnType<typeof monitoredStack>;

  beforeAll(() => {
    built = monitoredStack();
  });

  /** Alarms whose single metric is `namespace`/`metricName` with the given dimension value. */
  const alarmsOn = (namespace: string, metricName: string, dimension: unknown) =>
    built.alarms.filter(
      ([, alarm]) =>
        alarm.Properties.Namespace === namespace &&
        alarm.Properties.MetricName === metricName &&
        JSON.stringify(alarm.Properties.Dimensions).includes(JSON.stringify(dimension)),
    );

  describe('Alarm topic', () => {
    it('is one SNS topic that refuses requests without TLS', () => {
      expect(built.template).toHaveResourceCount('AWS::SNS::Topic', 1);
      expect(built.template).toHaveResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: built.topicId }],
        PolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        }),
      });
    });

    it('has no subscription unless an e-mail address is given', () => {
      // Assess
      expect(built.template).toHaveResourceCount('AWS::SNS::Subscription', 0);
      // Act
      const withEmail = monitoredStack({ alarmEmail: 'ops@example.org' });
      // Assess
      expect(withEmail.template).toHaveResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.org',
        TopicArn: { Ref: withEmail.topicId },
      });
    });

    it('is notified by every alarm of the stack, on alarm and on recovery', () => {
      // Every alarm: the ones created here and the ones given (API, function, queue).
      expect(built.alarms.length).toBeGreaterThan(0);
      for (const [, alarm] of built.alarms) {
        expect(alarm.Properties.AlarmActions).toEqual([{ Ref: built.topicId }]);
        expect(alarm.Properties.OKActions).toEqual([{ Ref: built.topicId }]);
      }
      expect(built.monitoring.alarms).toHaveLength(built.alarms.length);
    });
  });

  describe('API 5xx rate', () => {
    it.each(['api', 'publicApi'] as const)('alarms on the share of 5xx answers of %s', (name) => {
      // Prepare
      const metrics = new Capture();
      // Assess: 5xx over requests, above 5% in 2 of 3 periods of 5 minutes, quiet at low traffic.
      expect(built.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: metrics,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        TreatMissingData: 'notBreaching',
      });
      const rates = built.alarms
        .map(
          ([, alarm]) =>
            alarm.Properties.Metrics as { Id: string; Expression?: string; MetricStat?: unknown }[],
        )
        .filter((query) => query?.some((m) => m.MetricStat && JSON.stringify(m).includes(built.ids[name])));
      expect(rates).toHaveLength(1);
      const [rate] = rates;
      expect(rate?.find((m) => m.Expression)?.Expression).toBe(
        'IF(requests >= 20, 100 * errors / requests, 0)',
      );
      const stat = (id: string) => rate?.find((m) => m.Id === id)?.MetricStat;
      expect(stat('errors')).toMatchObject({
        Metric: {
          Namespace: 'AWS/ApiGateway',
          MetricName: '5xx',
          Dimensions: [{ Name: 'ApiId', Value: { Ref: built.ids[name] } }],
        },
        Period: 300,
        Stat: 'Sum',
      });
      expect(stat('requests')).toMatchObject({
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count' },
        Period: 300,
        Stat: 'Sum',
      });
    });

    it('takes the threshold and the minimum traffic from its props', () => {
      const tuned = monitoredStack({ serverErrorRatePercent: 2, minimumRequests: 50 });
      expect(tuned.template).toHaveResourceProperties('AWS::CloudWatch::Alarm', {
        Threshold: 2,
        Metrics: Match.arrayWith([
          Match.objectLike({ Expression: 'IF(requests >= 50, 100 * errors / requests, 0)' }),
        ]),
      });
    });
  });

  describe('Functions', () => {
    it.each(['dossiers', 'verification', 'trigger'] as const)('alarms on throttles of %s', (name) => {
      const found = alarmsOn('AWS/Lambda', 'Throttles', {
        Name: 'FunctionName',
        Value: { Ref: built.ids[name] },
      });
      expect(found).toHaveLength(1);
      expect(found[0]?.[1].Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
    });

    it("alarms on errors of a function that brings no errors alarm, and reuses the others'", () => {
      const errorsOf = (name: 'dossiers' | 'verification' | 'trigger') =>
        alarmsOn('AWS/Lambda', 'Errors', { Name: 'FunctionName', Value: { Ref: built.ids[name] } });
      expect(errorsOf('trigger')).toHaveLength(1);
      expect(errorsOf('verification')).toHaveLength(1);
      // Only the function's own alarm: none created here.
      expect(errorsOf('dossiers').map(([id]) => id)).toEqual([built.ids.dossiersErrors]);
    });
  });

  describe('Dead-letter queues', () => {
    it('alarms as soon as a dead-letter queue without an alarm of its own holds a message', () => {
      const found = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [built.ids.driftQueue, 'QueueName'] },
      });
      expect(found).toHaveLength(1);
      expect(found[0]?.[1].Properties).toMatchObject({
        Statistic: 'Maximum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });

    it("reuses a queue's own depth alarm", () => {
      const found = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [built.ids.sweepQueue, 'QueueName'] },
      });
      expect(found.map(([id]) => id)).toEqual([built.ids.sweepDepth]);
    });
  });

  describe('Dashboard', () => {
    interface Widget {
      type: string;
      properties: { title?: string; metrics?: unknown[][]; alarms?: string[] };
    }

    /**
     * The dashboard as CloudWatch reads it: the body's `Fn::Join` parts joined, each `Ref` or
     * `Fn::GetAtt` written as the logical ID it points to.
     */
    const dashboard = () => {
      const [resource] = Object.values(built.template.findResources('AWS::CloudWatch::Dashboard'));
      const [, parts] = resource!.Properties.DashboardBody['Fn::Join'] as [string, unknown[]];
      const text = parts
        .map((part) => {
          if (typeof part === 'string') return part;
          const token = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
          return token.Ref ?? token['Fn::GetAtt']?.[0];
        })
        .join('');
      return JSON.parse(text) as { start: string; widgets: Widget[] };
    };
    /** The metrics of the widget with this title, as `[namespace, name, dimension, value]`. */
    const metricsOf = (title: string) => {
      const widget = dashboard().widgets.find((w) => w.properties.title === title);
      expect(widget, title).toBeDefined();
      return (widget?.properties.metrics ?? [])
        .filter((metric) => typeof metric[0] === 'string')
        .map((metric) => metric.slice(0, 4));
    };

    it('is one dashboard, opening on the last day', () => {
      expect(built.template).toHaveResourceCount('AWS::CloudWatch::Dashboard', 1);
      expect(dashboard().start).toBe('-P1D');
    });

    it.each(['api', 'publicApi'] as const)('shows requests, latency, 4xx and 5xx of %s', (name) => {
      const id = built.ids[name];
      expect(metricsOf(`API ${name}: requests`)).toEqual([['AWS/ApiGateway', 'Count', 'ApiId', id]]);
      expect(metricsOf(`API ${name}: latency (ms)`)).toEqual(
        Array(3).fill(['AWS/ApiGateway', 'Latency', 'ApiId', id]),
      );
      expect(metricsOf(`API ${name}: 4xx and 5xx`)).toEqual([
        ['AWS/ApiGateway', '4xx', 'ApiId', id],
        ['AWS/ApiGateway', '5xx', 'ApiId', id],
      ]);
    });

    it.each([
      ['Lambda errors', 'Errors'],
      ['Lambda throttles', 'Throttles'],
      ['Lambda duration p90 (ms)', 'Duration'],
    ])('shows %s of every function', (title, metricName) => {
      expect(metricsOf(title)).toEqual(
        [built.ids.dossiers, built.ids.verification, built.ids.trigger].map((id) => [
          'AWS/Lambda',
          metricName,
          'FunctionName',
          id,
        ]),
      );
    });

    it("shows the table's throttle events and consumed capacity", () => {
      const table = built.ids.table;
      expect(metricsOf('DynamoDB throttle events')).toEqual([
        ['AWS/DynamoDB', 'ReadThrottleEvents', 'TableName', table],
        ['AWS/DynamoDB', 'WriteThrottleEvents', 'TableName', table],
      ]);
      expect(metricsOf('DynamoDB consumed capacity units')).toEqual([
        ['AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'TableName', table],
        ['AWS/DynamoDB', 'ConsumedWriteCapacityUnits', 'TableName', table],
      ]);
    });

    it('shows the business metrics, in the Socle namespace by service', () => {
      const business = [
        ['Socle', 'CertificatesIssued', 'service', 'juries'],
        ['Socle', 'Verifications', 'service', 'verification'],
      ];
      expect(metricsOf('Business (per hour)')).toEqual(business);
      expect(metricsOf('Business (over the period shown)')).toEqual(business);
    });

    it('shows the 4xx and 5xx shares of each API function', () => {
      expect(metricsOf('4xx by function (% of requests)')).toEqual([
        ['Socle', 'ClientErrors', 'service', 'dossiers'],
        ['Socle', 'ClientErrors', 'service', 'verification'],
      ]);
      expect(metricsOf('5xx by function (% of requests)')).toEqual([
        ['Socle', 'ServerErrors', 'service', 'dossiers'],
        ['Socle', 'ServerErrors', 'service', 'verification'],
      ]);
    });

    it('shows the depth of every dead-letter queue', () => {
      expect(metricsOf('Dead-letter queues (messages)')).toEqual([
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', built.ids.sweepQueue],
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', built.ids.driftQueue],
      ]);
    });

    it('shows the state of every alarm', () => {
      const widget = dashboard().widgets.find((w) => w.type === 'alarm');
      expect(widget?.properties.alarms?.sort()).toEqual(built.alarms.map(([id]) => id).sort());
    });
  });
});

describe('Monitoring of the stateless stack', () => {
  let stateful: StatefulStack;
  let stack: StatelessStack;
  let template: Template;
  let alarms: [string, { Properties: Record<string, unknown> }][];

  beforeAll(() => {
    ({ stateful, stateless: stack } = socleApp({ stage: 'prod' }));
    template = Template.fromStack(stack);
    alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as typeof alarms;
  });

  /** The ids an alarm's single metric names in its dimensions (`Ref` or `Fn::GetAtt`). */
  const dimensionIds = (alarm: { Properties: Record<string, unknown> }) =>
    ((alarm.Properties.Dimensions ?? []) as { Value: { Ref?: string; 'Fn::GetAtt'?: string[] } }[]).map(
      ({ Value }) => Value.Ref ?? Value['Fn::GetAtt']?.[0],
    );
  const alarmsOn = (metricName: string, id: string) =>
    alarms.filter(
      ([, alarm]) => alarm.Properties.MetricName === metricName && dimensionIds(alarm).includes(id),
    );
  const topic = () => ({ Ref: logicalId(stack.monitoring.alarmTopic) });

  it('sends every alarm of the stack to the alarm topic', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions, id).toEqual([topic()]);
    }
  });

  it('alarms on the 5xx rate of the main and the public API', () => {
    for (const api of [stack.api, stack.publicApi]) {
      const rate = alarms.filter(([, alarm]) =>
        JSON.stringify(alarm.Properties.Metrics ?? []).includes(`{"Ref":"${logicalId(api.api)}"}`),
      );
      expect(rate).toHaveLength(1);
    }
  });

  it('alarms on throttles and errors of every API function and job', () => {
    const all = [...Object.values(stack.functions), ...Object.values(stack.jobs).map((job) => job.function)];
    for (const fn of all) {
      expect(alarmsOn('Throttles', logicalId(fn)), fn.node.id).toHaveLength(1);
      expect(alarmsOn('Errors', logicalId(fn)).map(([id]) => id)).toEqual([logicalId(fn.errorsAlarm)]);
    }
  });

  it('alarms on errors and throttles of the token trigger, from this stack', () => {
    // The trigger is in the stateful stack: its name reaches this one as a cross-stack reference,
    // which names the trigger's logical ID.
    const triggerId = logicalId(stateful.userPool.preTokenGeneration);
    const trigger = alarms.filter(([, alarm]) =>
      JSON.stringify(alarm.Properties.Dimensions ?? []).includes(triggerId),
    );
    expect(trigger.map(([, alarm]) => alarm.Properties.MetricName).sort()).toEqual(['Errors', 'Throttles']);
  });

  it("alarms on every job's dead-letter queue", () => {
    for (const job of Object.values(stack.jobs)) {
      expect(alarmsOn('ApproximateNumberOfMessagesVisible', logicalId(job.deadLetterQueue))).toHaveLength(1);
    }
  });

  it('has one dashboard and names it in the outputs, with the alarm topic', () => {
    expect(template).toHaveResourceCount('AWS::CloudWatch::Dashboard', 1);
    expect(template).toHaveOutput('DashboardName', { Value: { Ref: logicalId(stack.monitoring.dashboard) } });
    expect(template).toHaveOutput('AlarmTopicArn', { Value: topic() });
  });

  it('leaves no AwsSolutions finding unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(stack.monitoring);
    expect(report.violations).toEqual([]);
  });

  it('subscribes the stage alarm e-mail address, when there is one', () => {
    // Assess: no address in bin/stages.ts (the stack's other subscription is the bounce handler's).
    expect(template.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } })).toEqual(
      {},
    );
    expect(template).toHaveResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
  });
});
