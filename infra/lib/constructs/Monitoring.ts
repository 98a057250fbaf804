import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Alarm, IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

interface MonitoredApi {
  readonly api: IHttpApi;
  /** Alarms the API brings (e.g. on any 5xx): notified through the topic too. @default - none */
  readonly alarms?: readonly Alarm[];
}

interface MonitoredFunction {
  readonly function: IFunction;
  /**
   * The function's own errors alarm, notified through the topic. A function of another stack cannot
   * be given one (this stack's topic would be a circular reference): it gets an errors alarm here.
   * @default - an errors alarm is created here
   */
  readonly errorsAlarm?: Alarm;
}

interface MonitoredQueue {
  readonly queue: IQueue;
  /** The queue's own depth alarm (ScheduledJob's). @default - a depth alarm is created here */
  readonly depthAlarm?: Alarm;
}

/** A custom metric of the functions (EMF, functions/src/metricNames.ts). */
interface BusinessMetric {
  /** Dashboard title, e.g. `Certificates issued`. */
  readonly title: string;
  readonly metricName: string;
  /** The `service` dimension: the function publishing it (its `POWERTOOLS_SERVICE_NAME`). */
  readonly service: string;
}

/** The per-request 0/1 counts every API function publishes: their average is a share of requests. */
interface RequestErrorMetrics {
  readonly clientErrors: string;
  readonly serverErrors: string;
  /** The services publishing them (the API functions). */
  readonly services: readonly string[];
}

interface MonitoringProps {
  /** HTTP APIs by name: requests, latency, 4xx/5xx, and a 5xx rate alarm each. */
  readonly apis: Readonly<Record<string, MonitoredApi>>;
  /** Functions by service name: errors, throttles (alarmed) and duration. */
  readonly functions: Readonly<Record<string, MonitoredFunction>>;
  /** Dead-letter queues by job name: depth (alarmed). */
  readonly deadLetterQueues: Readonly<Record<string, MonitoredQueue>>;
  /** The table: throttle events and consumed capacity. */
  readonly table: ITable;
  /** Namespace of the custom metrics. */
  readonly namespace: string;
  readonly businessMetrics: readonly BusinessMetric[];
  /** @default - not shown */
  readonly requestErrorMetrics?: RequestErrorMetrics;
  /** Subscribed to the alarm topic (it must confirm the subscription). @default - no subscription */
  readonly alarmEmail?: string;
  /** Share of 5xx answers (percent) over 5 minutes above which the 5xx rate alarm fires. @default 5 */
  readonly serverErrorRatePercent?: number;
  /**
   * Below this many requests in 5 minutes the 5xx rate is taken as 0: one failure out of three
   * requests at night is not an incident (each API's any-5xx alarm still reports it). @default 20
   */
  readonly minimumRequests?: number;
}

const PERIOD = Duration.minutes(5);

/** `dossiers` → `Dossiers`: construct ids. */
const pascal = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/**
 * Socle's alarms and dashboard. Every alarm (the ones created here and the ones the API, the
 * functions and the scheduled jobs bring) notifies one SNS topic, on alarm and on recovery. Created
 * here: each API's 5xx rate, each function's throttles, errors of functions from another stack, and
 * the depth of dead-letter queues that bring no alarm. docs/operations.md says what each means.
 */
class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly dashboard: Dashboard;
  /** Every alarm notifying the topic. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const ratePercent = props.serverErrorRatePercent ?? 5;
    const minimumRequests = props.minimumRequests ?? 20;
    const alarms: Alarm[] = [];

    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: 'Socle alarms', enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    // APIs: the share of 5xx answers.
    const apiEntries = Object.entries(props.apis);
    for (const [name, { api, alarms: own = [] }] of apiEntries) {
      const rate = new MathExpression({
        expression: `IF(requests >= ${minimumRequests}, 100 * errors / requests, 0)`,
        usingMetrics: {
          errors: api.metricServerError({ statistic: 'Sum' }),
          requests: api.metricCount({ statistic: 'Sum' }),
        },
        period: PERIOD,
        label: `${name}: 5xx (% of requests)`,
      });
      alarms.push(
        rate.createAlarm(this, `${pascal(name)}ServerErrorRateAlarm`, {
          alarmDescription: `API ${name}: more than ${ratePercent}% of requests answered 5xx in 2 of the last 3 periods of 5 minutes (docs/operations.md)`,
          threshold: ratePercent,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 3,
          datapointsToAlarm: 2,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
        ...own,
      );
    }

    // Functions: throttles everywhere, errors where the function brings no alarm of its own.
    const functionEntries = Object.entries(props.functions);
    for (const [name, { function: fn, errorsAlarm }] of functionEntries) {
      alarms.push(
        fn
          .metricThrottles({ period: PERIOD, statistic: 'Sum' })
          .createAlarm(this, `${pascal(name)}ThrottlesAlarm`, {
            alarmDescription: `${name}: invocations refused for lack of concurrency (docs/operations.md)`,
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
        errorsAlarm ??
          fn
            .metricErrors({ period: PERIOD, statistic: 'Sum' })
            .createAlarm(this, `${pascal(name)}ErrorsAlarm`, {
              alarmDescription: `${name}: the function threw or timed out (docs/operations.md)`,
              threshold: 1,
              evaluationPeriods: 1,
              treatMissingData: TreatMissingData.NOT_BREACHING,
            }),
      );
    }

    // Dead-letter queues: a message there is a job run that failed every retry.
    const queueEntries = Object.entries(props.deadLetterQueues);
    const depthOf = (queue: IQueue) =>
      queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' });
    for (const [name, { queue, depthAlarm }] of queueEntries) {
      alarms.push(
        depthAlarm ??
          depthOf(queue).createAlarm(this, `${pascal(name)}DeadLetterAlarm`, {
            alarmDescription: `${name}: a run failed every retry, its event is in the dead-letter queue (docs/operations.md)`,
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      );
    }

    const notify = new SnsAction(this.alarmTopic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
    this.alarms = alarms;

    // The dashboard, top to bottom: alarms, APIs, functions, table, jobs, business.
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    const graph = (title: string, left: IMetric[], width = 8) =>
      new GraphWidget({ title, left, width, height: 6, leftYAxis: { min: 0 } });
    const perFunction = (metricOf: (fn: IFunction) => Metric) =>
      functionEntries.map(([name, { function: fn }]) => metricOf(fn).with({ label: name }));

    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Socle\nWhat each alarm means and what to do: `docs/operations.md` (Observability). Logs: CloudWatch Logs Insights on `/aws/lambda/…`, one `request done` line per request.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 4 }));
    for (const [name, { api }] of apiEntries) {
      this.dashboard.addWidgets(
        graph(`API ${name}: requests`, [
          api.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' }),
        ]),
        graph(`API ${name}: latency (ms)`, [
          api.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
          api.metricLatency({ period: PERIOD, statistic: 'p90', label: 'p90' }),
          api.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
        ]),
        graph(`API ${name}: 4xx and 5xx`, [
          api.metricClientError({ period: PERIOD, statistic: 'Sum', label: '4xx' }),
          api.metricServerError({ period: PERIOD, statistic: 'Sum', label: '5xx' }),
        ]),
      );
    }
    this.dashboard.addWidgets(
      graph(
        'Lambda errors',
        perFunction((fn) => fn.metricErrors({ period: PERIOD, statistic: 'Sum' })),
      ),
      graph(
        'Lambda throttles',
        perFunction((fn) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum' })),
      ),
      graph(
        'Lambda duration p90 (ms)',
        perFunction((fn) => fn.metricDuration({ period: PERIOD, statistic: 'p90' })),
      ),
    );
    if (props.requestErrorMetrics) {
      const { clientErrors, serverErrors, services } = props.requestErrorMetrics;
      // One id per service: metric ids must be unique within a graph.
      const share = (metricName: string) =>
        services.map(
          (service, index) =>
            new MathExpression({
              expression: `100 * s${index}`,
              usingMetrics: {
                [`s${index}`]: new Metric({
                  namespace: props.namespace,
                  metricName,
                  dimensionsMap: { service },
                  statistic: 'Average',
                }),
              },
              period: PERIOD,
              label: service,
            }),
        );
      this.dashboard.addWidgets(
        graph('4xx by function (% of requests)', share(clientErrors), 12),
        graph('5xx by function (% of requests)', share(serverErrors), 12),
      );
    }
    const table = (metricName: string, label: string) =>
      props.table.metric(metricName, { period: PERIOD, statistic: 'Sum', label });
    this.dashboard.addWidgets(
      graph(
        'DynamoDB throttle events',
        [table('ReadThrottleEvents', 'read'), table('WriteThrottleEvents', 'write')],
        12,
      ),
      graph(
        'DynamoDB consumed capacity units',
        [table('ConsumedReadCapacityUnits', 'read'), table('ConsumedWriteCapacityUnits', 'write')],
        12,
      ),
    );
    const business = props.businessMetrics.map(
      ({ title, metricName, service }) =>
        new Metric({
          namespace: props.namespace,
          metricName,
          dimensionsMap: { service },
          statistic: 'Sum',
          period: Duration.hours(1),
          label: title,
        }),
    );
    this.dashboard.addWidgets(
      graph(
        'Dead-letter queues (messages)',
        queueEntries.map(([name, { queue }]) => depthOf(queue).with({ label: name })),
      ),
      graph('Business (per hour)', business),
      new SingleValueWidget({
        title: 'Business (over the period shown)',
        metrics: business,
        setPeriodToTimeRange: true,
        width: 8,
        height: 6,
      }),
    );
  }
}

export type {
  BusinessMetric,
  MonitoredApi,
  MonitoredFunction,
  MonitoredQueue,
  MonitoringProps,
  RequestErrorMetrics,
};
export { Monitoring };
