import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Alarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

interface SocleEmailProps {
  /** The stage's sending domain (`email.domain` of the stage, from cdk.json's `socle:email`). */
  readonly domain: string;
}

/**
 * Socle's sender in Amazon SES: a verified domain identity (Easy DKIM: three CNAME records, output
 * by the stack) and a configuration set. Bounces and complaints are handled by SES itself: the
 * configuration set puts the address on the account's suppression list (SES never sends to it
 * again, `aws sesv2 list-suppressed-destinations` lists them), and the reputation alarms
 * (`reputationAlarms`) warn before AWS pauses sending. Cognito (invitations, resets) and the
 * notifications send from `fromAddress` through this configuration set.
 */
class SocleEmail extends Construct {
  readonly domain: string;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** `ne-pas-repondre@<domain>`. */
  readonly fromAddress: string;
  readonly fromName = 'Socle';
  /** The identity's ARN (Cognito's `SourceArn`). */
  readonly identityArn: string;

  constructor(scope: Construct, id: string, props: SocleEmailProps) {
    super(scope, id);
    this.domain = props.domain;
    this.fromAddress = `ne-pas-repondre@${props.domain}`;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      sendingEnabled: true,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
    });
    const stack = Stack.of(this);
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.domain });
    // The DNS records that verify the domain (docs/operations.md, first deploy).
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: `CNAME ${index + 1} of 3 to create in the DNS of ${props.domain} (SES Easy DKIM)`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }

  /**
   * Alarms on the account's SES reputation (`AWS/SES`, no dimension): AWS reviews an account over
   * 5% bounces or 0.1% complaints and pauses it over 10% or 0.5%.
   */
  reputationAlarms(scope: Construct): Alarm[] {
    const metric = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    return [
      new Alarm(scope, 'EmailBounceRateAlarm', {
        alarmDescription:
          'SES bounce rate above 5%: AWS reviews the account at 5% and may pause sending at 10%',
        metric: metric('Reputation.BounceRate'),
        threshold: 0.05,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(scope, 'EmailComplaintRateAlarm', {
        alarmDescription:
          'SES complaint rate above 0.1%: AWS reviews the account at 0.1% and may pause sending at 0.5%',
        metric: metric('Reputation.ComplaintRate'),
        threshold: 0.001,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
  }
}

export type { SocleEmailProps };
export { SocleEmail };
