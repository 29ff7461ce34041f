import { Duration } from "aws-cdk-lib"
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch"
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions"
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2"
import * as iam from "aws-cdk-lib/aws-iam"
import * as kms from "aws-cdk-lib/aws-kms"
import * as rds from "aws-cdk-lib/aws-rds"
import * as sns from "aws-cdk-lib/aws-sns"
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions"
import { Construct } from "constructs"

/** Where the worker publishes the event queue's depth (src/jobs/report-event-queue.ts). */
export const QUEUE_METRIC = { namespace: "CommerceEngine", metricName: "EventQueueDepth" }

type AlarmsProps = {
  loadBalancer: elbv2.ApplicationLoadBalancer
  targetGroup: elbv2.ApplicationTargetGroup
  database: rds.DatabaseInstance
  alarmEmail: string
}

/**
 * The alarms docs/OPERATIONS.md ("Alarms") explains, all to one SNS topic: errors (5xx
 * share), slowness (p95), instances failing /ready, a queue that does not drain, and the
 * database running out of CPU or disk.
 */
export class EngineAlarms extends Construct {
  readonly topic: sns.Topic
  readonly alarms: cloudwatch.Alarm[] = []

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id)
    const key = new kms.Key(this, "TopicKey", {
      description: "commerce engine alarm topic",
      enableKeyRotation: true,
    })
    // CloudWatch must be able to encrypt what it publishes to the topic.
    key.grant(
      new iam.ServicePrincipal("cloudwatch.amazonaws.com"),
      "kms:Decrypt",
      "kms:GenerateDataKey*"
    )
    this.topic = new sns.Topic(this, "Topic", { masterKey: key, enforceSSL: true })
    if (props.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail))
    }

    const { loadBalancer, targetGroup } = props
    const minute = Duration.minutes(1)
    const fiveXxRate = new cloudwatch.MathExpression({
      label: "5xx share of requests (%)",
      expression: "IF(requests > 0, 100 * (target5xx + elb5xx) / requests, 0)",
      usingMetrics: {
        requests: loadBalancer.metrics.requestCount({ period: minute }),
        target5xx: targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
          period: minute,
        }),
        elb5xx: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, {
          period: minute,
        }),
      },
      period: minute,
    })
    this.add("Http5xxRate", fiveXxRate, {
      alarmDescription: "More than 2 % of requests answered 5xx for 5 minutes",
      threshold: 2,
      evaluationPeriods: 5,
    })
    this.add(
      "LatencyP95",
      targetGroup.metrics.targetResponseTime({ statistic: "p95", period: minute }),
      {
        alarmDescription: "p95 response time above 1.5 s for 5 minutes",
        threshold: 1.5,
        evaluationPeriods: 5,
      }
    )
    this.add(
      "ReadyFailures",
      targetGroup.metrics.unhealthyHostCount({ statistic: "Maximum", period: minute }),
      {
        alarmDescription:
          "A server task fails GET /ready (PostgreSQL or Redis unreachable) for 3 minutes",
        threshold: 0,
        evaluationPeriods: 3,
      }
    )
    this.add(
      "NoHealthyServers",
      targetGroup.metrics.healthyHostCount({ statistic: "Minimum", period: minute }),
      {
        alarmDescription: "No server task passes GET /ready: the shop is down",
        threshold: 1,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }
    )
    this.add(
      "EventQueueDepth",
      new cloudwatch.Metric({ ...QUEUE_METRIC, statistic: "Maximum", period: minute }),
      {
        alarmDescription:
          "More than 1000 events waiting for 10 minutes: the worker is down or behind",
        threshold: 1000,
        evaluationPeriods: 10,
      }
    )
    this.add(
      "EventQueueSilent",
      new cloudwatch.Metric({ ...QUEUE_METRIC, statistic: "SampleCount", period: minute }),
      {
        alarmDescription: "The worker reported no queue depth for 5 minutes: no worker is running",
        threshold: 1,
        evaluationPeriods: 5,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }
    )
    this.add("DatabaseCpu", props.database.metricCPUUtilization({ period: minute }), {
      alarmDescription: "PostgreSQL CPU above 80 % for 10 minutes",
      threshold: 80,
      evaluationPeriods: 10,
    })
    this.add("DatabaseStorage", props.database.metricFreeStorageSpace({ period: minute }), {
      alarmDescription: "PostgreSQL has less than 5 GiB free (storage autoscaling at its maximum?)",
      threshold: 5 * 1024 ** 3,
      evaluationPeriods: 5,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    })
  }

  private add(
    id: string,
    metric: cloudwatch.IMetric,
    props: Omit<cloudwatch.CreateAlarmOptions, "metric">
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...props,
    })
    alarm.addAlarmAction(new actions.SnsAction(this.topic))
    alarm.addOkAction(new actions.SnsAction(this.topic))
    this.alarms.push(alarm)
  }
}
