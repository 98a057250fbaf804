import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule } from 'aws-cdk-lib/aws-events';
import type { Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SocleFunction } from './SocleFunction.ts';
import type { SocleFunctionProps } from './SocleFunction.ts';

interface ScheduledJobProps {
  /** The job's function; it is invoked asynchronously, without input. */
  readonly function: Omit<SocleFunctionProps, 'asyncInvocation'>;
  readonly schedule: Schedule;
  /**
   * Retries after a failed attempt, by EventBridge (delivery to Lambda) and by Lambda (the
   * function threw or timed out). @default 2
   */
  readonly retryAttempts?: number;
  /** Past this age an event is no longer retried but dead-lettered. @default Duration.hours(2) */
  readonly maxEventAge?: Duration;
}

/**
 * A SocleFunction run by an EventBridge schedule. Both hops retry: EventBridge when it cannot
 * deliver the event, Lambda when the function fails; what fails every attempt lands in one
 * encrypted dead-letter queue, and an alarm goes off as soon as that queue holds a message (the
 * function's own errors alarm goes off at the first failed attempt).
 */
class ScheduledJob extends Construct {
  readonly function: SocleFunction;
  readonly rule: Rule;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const retryAttempts = props.retryAttempts ?? 2;
    const maxEventAge = props.maxEventAge ?? Duration.hours(2);
    const name = props.function.serviceName;

    // SQS-managed keys: EventBridge cannot send to a queue encrypted with the AWS managed KMS key.
    // No dead-letter queue of its own (cdk-nag SQS3 sees it is the function's dead-letter queue).
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.function = new SocleFunction(this, 'Function', {
      ...props.function,
      asyncInvocation: { retryAttempts, maxEventAge, deadLetterQueue: this.deadLetterQueue },
    });

    this.rule = new Rule(this, 'Schedule', {
      description: `Runs the ${name} job`,
      schedule: props.schedule,
    });
    this.rule.addTarget(
      new LambdaFunction(this.function, {
        retryAttempts,
        maxEventAge,
        deadLetterQueue: this.deadLetterQueue,
      }),
    );

    this.deadLetterAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'DeadLetterAlarm', {
        alarmDescription: `${name}: a run failed every retry, its event is in the dead-letter queue`,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}

export type { ScheduledJobProps };
export { ScheduledJob };
