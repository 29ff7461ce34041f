import * as ec2 from "aws-cdk-lib/aws-ec2"
import * as logs from "aws-cdk-lib/aws-logs"
import { RemovalPolicy } from "aws-cdk-lib"
import { Construct } from "constructs"

/**
 * Three tiers in two zones: public subnets for the load balancer (and the NAT gateways),
 * private subnets with egress for the tasks (Stripe, SMTP, OAuth providers are on the
 * internet), isolated subnets for PostgreSQL and Redis (no route out at all).
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc

  constructor(scope: Construct, id: string, props: { availabilityZones: string[] }) {
    super(scope, id)
    this.vpc = new ec2.Vpc(this, "Vpc", {
      ipAddresses: ec2.IpAddresses.cidr("10.40.0.0/16"),
      // Named zones, not a lookup: synthesis stays offline.
      availabilityZones: props.availabilityZones,
      // One NAT gateway per zone, so losing a zone does not cut the other's egress.
      natGateways: props.availabilityZones.length,
      subnetConfiguration: [
        { name: "public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: "app", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: "data", subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    })
    const flowLogs = new logs.LogGroup(this, "FlowLogs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    this.vpc.addFlowLog("FlowLog", {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    })
  }
}
