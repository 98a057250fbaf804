import { KEY_PREFIXES, leadingKeysUnder } from '@socle/data/keyPrefixes';
import { Duration, Stack } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ConfigurationSetEventDestination, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { lambdaEntry } from '../repoPaths.ts';
import { ScheduledJob } from './ScheduledJob.ts';
import type { SocleEmail } from './SocleEmail.ts';
import { SocleFunction } from './SocleFunction.ts';
import type { BindableTable } from './SocleFunction.ts';

/**
 * Partition keys of the notification items (packages/data/src/outbox.ts, suppression.ts):
 * candidates' messages live in their partition (`T#…`), the others in `OUTBOX#<id>`; pending ones
 * are listed through the sparse gsi1 `OUTBOX#PENDING#<shard>`; the suppression list is
 * `SUPPRESSED#<hash>`.
 */
const NOTIFICATION_KEYS = {
  pending: leadingKeysUnder(KEY_PREFIXES.pendingMessages),
  messages: [leadingKeysUnder(KEY_PREFIXES.tenant), leadingKeysUnder(KEY_PREFIXES.outbox)],
  suppressed: leadingKeysUnder(KEY_PREFIXES.suppression),
} as const;

/** Environment variables the delivery reads (functions/src/notifications/config.ts). */
const DeliveryEnv = {
  FROM_ADDRESS: 'NOTIFICATIONS_FROM_ADDRESS',
  CONFIGURATION_SET: 'SES_CONFIGURATION_SET',
  PUBLIC_WEB_URL: 'PUBLIC_WEB_URL',
  JURY_ORGANIZER_EMAIL: 'JURY_ORGANIZER_EMAIL',
} as const;

interface NotificationsProps {
  readonly table: BindableTable;
  /** Socle's SES sender (StatefulStack): identity, configuration set, from-address. */
  readonly email: SocleEmail;
  /** The site's URL, for the links the emails carry. */
  readonly publicWebUrl: string;
  /**
   * The ORGANIZER of jury invitations (ICS), where jurors' replies go.
   * @default - the from-address
   */
  readonly juryOrganizerEmail?: string;
  readonly functionsDir: string;
  readonly depsLockFilePath: string;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The notification backbone in AWS (SPEC §5b, docs/data-model.md patterns 45-50):
 * - `outboxDelivery`, run every minute by EventBridge, sends the outbox's pending messages through
 *   SES. A run that fails is followed by the next one (claims time out, nothing is sent twice), so
 *   its events are retried briefly, then dead-lettered, which alarms.
 * - The configuration set publishes bounces and complaints to an SNS topic; `sesEvents` keeps the
 *   suppression list from them, which delivery reads before every send (SES's own account-level
 *   suppression list also applies). What SNS cannot deliver, or the function fails on every retry,
 *   lands in a dead-letter queue that alarms.
 * Each function may only touch the items it needs, with the one action it needs.
 */
class Notifications extends Construct {
  readonly delivery: ScheduledJob;
  readonly sesEvents: SocleFunction;
  readonly sesEventsTopic: Topic;
  readonly sesEventsDeadLetterQueue: Queue;
  readonly sesEventsDeadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { table, email } = props;
    const functionProps = (name: string) => ({
      entry: lambdaEntry(props.functionsDir, name),
      depsLockFilePath: props.depsLockFilePath,
      serviceName: name,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });

    this.delivery = new ScheduledJob(this, 'OutboxDeliveryJob', {
      schedule: Schedule.rate(Duration.minutes(1)),
      // A minute's event is worth little once the next runs: retried for 10 minutes at most.
      maxEventAge: Duration.minutes(10),
      function: {
        ...functionProps('outboxDelivery'),
        // 200 messages a run at 4 sends at once; runs may overlap safely (claims).
        timeout: Duration.minutes(2),
        environment: {
          [DeliveryEnv.FROM_ADDRESS]: email.fromAddress,
          [DeliveryEnv.CONFIGURATION_SET]: email.configurationSet.configurationSetName,
          [DeliveryEnv.PUBLIC_WEB_URL]: props.publicWebUrl,
          ...(props.juryOrganizerEmail && { [DeliveryEnv.JURY_ORGANIZER_EMAIL]: props.juryOrganizerEmail }),
        },
      },
    });
    const delivery = this.delivery.function;
    // The pending index, the suppression list (read), the messages (claimed and closed in place).
    delivery.bindTable({ table, access: 'query', leadingKeys: [NOTIFICATION_KEYS.pending] });
    delivery.bindTable({ table, access: 'batchGet', leadingKeys: [NOTIFICATION_KEYS.suppressed] });
    delivery.bindTable({ table, access: 'update', leadingKeys: [...NOTIFICATION_KEYS.messages] });
    // SES v2 SendEmail (simple content, attachments included) authorises the identity and the
    // configuration set named in the request: nothing else may be sent from.
    const stack = Stack.of(this);
    delivery.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          email.identityArn,
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: email.configurationSet.configurationSetName,
          }),
        ],
      }),
    );

    // Bounces and complaints. SQS-managed keys: SNS and Lambda can write to such a queue.
    this.sesEventsDeadLetterQueue = new Queue(this, 'SesEventsDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.sesEvents = new SocleFunction(this, 'SesEventsFunction', {
      ...functionProps('sesEvents'),
      timeout: Duration.seconds(30),
      asyncInvocation: {
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.sesEventsDeadLetterQueue,
      },
    });
    this.sesEvents.bindTable({ table, access: 'update', leadingKeys: [NOTIFICATION_KEYS.suppressed] });

    this.sesEventsTopic = new Topic(this, 'SesEventsTopic', {
      displayName: 'Socle email bounces and complaints',
      enforceSSL: true,
    });
    this.sesEventsTopic.addSubscription(
      new LambdaSubscription(this.sesEvents, { deadLetterQueue: this.sesEventsDeadLetterQueue }),
    );
    // In this stack, naming the configuration set of the stateful one (the dependency's direction).
    new ConfigurationSetEventDestination(this, 'SesEventDestination', {
      configurationSet: email.configurationSet,
      destination: EventDestination.snsTopic(this.sesEventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.sesEventsDeadLetterAlarm = this.sesEventsDeadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'SesEventsDeadLetterAlarm', {
        alarmDescription:
          'sesEvents: a bounce or complaint was not recorded (dead-letter queue): its address is not suppressed',
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}

export type { NotificationsProps };
export { DeliveryEnv, NOTIFICATION_KEYS, Notifications };
