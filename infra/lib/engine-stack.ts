import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib"
import * as ecr from "aws-cdk-lib/aws-ecr"
import { Construct } from "constructs"
import { EngineAlarms } from "./alarms"
import { DataStores } from "./data"
import { FileStorage } from "./files"
import { suppressReviewedFindings } from "./nag-suppressions"
import { Network } from "./network"
import { REPOSITORY_NAME } from "./registry-stack"
import { AppSecrets } from "./secrets"
import { EngineServices } from "./services"
import type { DeploySettings } from "./settings"

type EngineStackProps = StackProps & { settings: DeploySettings }

/** Everything the shop runs on (docs/DEPLOY-AWS.md draws it). */
export class EngineStack extends Stack {
  readonly services: EngineServices
  readonly data: DataStores
  readonly files: FileStorage
  readonly alarms: EngineAlarms

  constructor(scope: Construct, id: string, props: EngineStackProps) {
    super(scope, id, props)
    const { settings } = props
    const network = new Network(this, "Network", {
      availabilityZones: settings.availabilityZones,
    })
    this.data = new DataStores(this, "Data", { vpc: network.vpc })
    this.files = new FileStorage(this, "Files")
    const secrets = new AppSecrets(this, "Secrets")
    this.services = new EngineServices(this, "Engine", {
      vpc: network.vpc,
      settings,
      repository: ecr.Repository.fromRepositoryName(this, "Repository", REPOSITORY_NAME),
      data: this.data,
      files: this.files,
      secrets,
    })
    this.alarms = new EngineAlarms(this, "Alarms", {
      loadBalancer: this.services.loadBalancer,
      targetGroup: this.services.targetGroup,
      database: this.data.database,
      alarmEmail: settings.alarmEmail,
    })
    suppressReviewedFindings(this)

    // What CI and the operator need after a deploy (docs/DEPLOY-AWS.md).
    const outputs: Record<string, string> = {
      LoadBalancerDns: this.services.loadBalancer.loadBalancerDnsName,
      FilesCdn: this.files.distribution.distributionDomainName,
      ClusterName: this.services.cluster.clusterName,
      MigrateTaskDefinition: this.services.migrate.taskDefinitionArn,
      TaskSubnets: network.vpc.privateSubnets.map((subnet) => subnet.subnetId).join(","),
      TaskSecurityGroup: this.services.tasksSecurityGroup.securityGroupId,
      ImageTag: settings.imageTag,
      IntegrationsSecret: secrets.integrations.secretName,
      AlarmTopic: this.alarms.topic.topicArn,
      DatabaseEndpoint: this.data.database.dbInstanceEndpointAddress,
    }
    for (const [name, value] of Object.entries(outputs)) {
      new CfnOutput(this, name, { value })
    }
  }
}
