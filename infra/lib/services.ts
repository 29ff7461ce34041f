import { Duration, RemovalPolicy } from "aws-cdk-lib"
import * as acm from "aws-cdk-lib/aws-certificatemanager"
import * as ec2 from "aws-cdk-lib/aws-ec2"
import * as ecr from "aws-cdk-lib/aws-ecr"
import * as ecs from "aws-cdk-lib/aws-ecs"
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2"
import * as iam from "aws-cdk-lib/aws-iam"
import * as logs from "aws-cdk-lib/aws-logs"
import * as s3 from "aws-cdk-lib/aws-s3"
import { Construct } from "constructs"
import type { AppSecrets } from "./secrets"
import { INTEGRATION_KEYS } from "./secrets"
import type { DataStores } from "./data"
import { DATABASE_NAME, REDIS_PORT } from "./data"
import type { FileStorage } from "./files"
import type { DeploySettings } from "./settings"

export const APP_PORT = 9000
/** Target-group health check: 200 only when PostgreSQL and Redis answer (src/api/ready). */
export const READY_PATH = "/ready"
/** `medusa db:migrate` under an advisory lock (scripts/migrate.ts, compiled into the image). */
export const MIGRATE_COMMAND = ["node", "scripts/migrate.js"]

type ServicesProps = {
  vpc: ec2.IVpc
  settings: DeploySettings
  repository: ecr.IRepository
  data: DataStores
  files: FileStorage
  secrets: AppSecrets
}

/**
 * The engine on ECS Fargate, one image in three roles: `server` tasks (HTTP, behind the
 * HTTPS load balancer, autoscaled on CPU and requests), `worker` tasks (subscribers,
 * scheduled jobs, workflows), each migrating first, and a one-off `migrate` task definition.
 */
export class EngineServices extends Construct {
  readonly cluster: ecs.Cluster
  readonly loadBalancer: elbv2.ApplicationLoadBalancer
  readonly targetGroup: elbv2.ApplicationTargetGroup
  readonly server: ecs.FargateService
  readonly worker: ecs.FargateService
  readonly migrate: ecs.FargateTaskDefinition
  readonly tasksSecurityGroup: ec2.SecurityGroup
  readonly logGroup: logs.LogGroup

  constructor(scope: Construct, id: string, props: ServicesProps) {
    super(scope, id)
    const { vpc, settings, data, files } = props
    this.cluster = new ecs.Cluster(this, "Cluster", {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    })
    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    })

    // The load balancer: HTTPS only (HTTP redirects), in the public subnets.
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, "Alb", {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    })
    this.loadBalancer.logAccessLogs(files.logs as s3.IBucket, "alb")
    this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 })
    const https = this.loadBalancer.addListener("Https", {
      port: 443,
      certificates: [acm.Certificate.fromCertificateArn(this, "Cert", settings.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    })

    this.tasksSecurityGroup = data.clients
    const publicUrl = `https://${settings.domainName || this.loadBalancer.loadBalancerDnsName}`
    const environment: Record<string, string> = {
      NODE_ENV: "production",
      PORT: String(APP_PORT),
      DATABASE_HOST: data.database.dbInstanceEndpointAddress,
      DATABASE_PORT: data.database.dbInstanceEndpointPort,
      DATABASE_NAME,
      REDIS_HOST: data.redis.attrPrimaryEndPointAddress,
      REDIS_PORT: String(REDIS_PORT),
      REDIS_TLS: "true",
      S3_BUCKET: files.bucket.bucketName,
      S3_REGION: settings.region,
      S3_FILE_URL: `https://${files.distribution.distributionDomainName}`,
      S3_ACL: "false",
      MEDUSA_BACKEND_URL: publicUrl,
      OAUTH_CALLBACK_BASE_URL: publicUrl,
      STORE_CORS: publicUrl,
      ADMIN_CORS: publicUrl,
      AUTH_CORS: publicUrl,
      // TLS ends at the load balancer, which is in the VPC's private range.
      FORCE_HTTPS: "true",
      TRUST_PROXY: "uniquelocal",
      MEDUSA_DISABLE_TELEMETRY: "true",
      // The worker publishes the event queue's depth for the EventQueueDepth alarm.
      CLOUDWATCH_METRICS: "true",
    }
    const secrets: Record<string, ecs.Secret> = {
      DATABASE_USER: ecs.Secret.fromSecretsManager(data.databaseSecret, "username"),
      DATABASE_PASSWORD: ecs.Secret.fromSecretsManager(data.databaseSecret, "password"),
      REDIS_AUTH_TOKEN: ecs.Secret.fromSecretsManager(data.redisAuthToken),
      JWT_SECRET: ecs.Secret.fromSecretsManager(props.secrets.jwt),
      COOKIE_SECRET: ecs.Secret.fromSecretsManager(props.secrets.cookie),
      METRICS_TOKEN: ecs.Secret.fromSecretsManager(props.secrets.metricsToken),
      ...Object.fromEntries(
        INTEGRATION_KEYS.map((key) => [
          key,
          ecs.Secret.fromSecretsManager(props.secrets.integrations, key),
        ])
      ),
    }

    const image = (tag: string) => ecs.ContainerImage.fromEcrRepository(props.repository, tag)
    const task = (
      name: string,
      role: { cpu: number; memoryLimitMiB: number; env: Record<string, string> },
      tag: string,
      command?: string[]
    ) => {
      const definition = new ecs.FargateTaskDefinition(this, `${name}Task`, {
        cpu: role.cpu,
        memoryLimitMiB: role.memoryLimitMiB,
        runtimePlatform: {
          cpuArchitecture: ecs.CpuArchitecture.X86_64,
          operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        },
      })
      const engine = definition.addContainer("engine", {
        image: image(tag),
        command,
        environment: { ...environment, ...role.env },
        secrets,
        logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: name }),
        portMappings: command ? [] : [{ containerPort: APP_PORT }],
        // The start script gives in-flight requests and jobs 30 s after SIGTERM.
        stopTimeout: Duration.seconds(40),
        readonlyRootFilesystem: false,
      })
      if (!command) {
        // Each task migrates before the engine starts (scripts/migrate.ts takes an advisory
        // lock, so tasks starting together migrate one at a time): a release never runs
        // against an older schema, and the first deploy needs no separate step.
        const migrate = definition.addContainer("migrate", {
          image: image(tag),
          command: MIGRATE_COMMAND,
          essential: false,
          environment: { ...environment, ...role.env },
          secrets,
          logging: ecs.LogDrivers.awsLogs({
            logGroup: this.logGroup,
            streamPrefix: `${name}-migrate`,
          }),
        })
        engine.addContainerDependencies({
          container: migrate,
          condition: ecs.ContainerDependencyCondition.SUCCESS,
        })
      }
      if (command) {
        // The migration touches only the database.
        return definition
      }
      // Uploads go to S3 with the task's role: the bucket's objects only, nothing else.
      definition.addToTaskRolePolicy(
        new iam.PolicyStatement({
          actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
          resources: [files.bucket.arnForObjects("*")],
        })
      )
      return definition
    }

    // One vCPU: one server process per task (CLUSTER_SIZE=1, and no writer process beside it:
    // Node counts the host's cores, not the task's quota); tasks scale instead.
    const serverTask = task(
      "Server",
      {
        cpu: 1024,
        memoryLimitMiB: 2048,
        env: { MEDUSA_WORKER_MODE: "server", CLUSTER_SIZE: "1", CLUSTER_WRITERS: "0" },
      },
      settings.imageTag
    )
    this.server = new ecs.FargateService(this, "Server", {
      cluster: this.cluster,
      taskDefinition: serverTask,
      desiredCount: settings.serverMinTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      securityGroups: [this.tasksSecurityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriod: Duration.seconds(120),
    })
    this.targetGroup = https.addTargets("Engine", {
      port: APP_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.server],
      deregistrationDelay: Duration.seconds(35),
      healthCheck: {
        path: READY_PATH,
        healthyHttpCodes: "200",
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    })
    const scaling = this.server.autoScaleTaskCount({
      minCapacity: settings.serverMinTasks,
      maxCapacity: settings.serverMaxTasks,
    })
    scaling.scaleOnCpuUtilization("Cpu", {
      targetUtilizationPercent: 60,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.seconds(300),
    })
    scaling.scaleOnRequestCount("Requests", {
      // Requests a minute per task; docs/PERFORMANCE.md has the measured capacity.
      requestsPerTarget: 3000,
      targetGroup: this.targetGroup,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.seconds(300),
    })

    const workerTask = task(
      "Worker",
      {
        cpu: 1024,
        memoryLimitMiB: 2048,
        env: { MEDUSA_WORKER_MODE: "worker", CLUSTER_SIZE: "1", DISABLE_MEDUSA_ADMIN: "true" },
      },
      settings.imageTag
    )
    this.worker = new ecs.FargateService(this, "Worker", {
      cluster: this.cluster,
      taskDefinition: workerTask,
      desiredCount: settings.workerTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      securityGroups: [this.tasksSecurityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { enable: true, rollback: true },
    })

    // The same migration as a one-off task, for an operator (docs/DEPLOY-AWS.md).
    this.migrate = task(
      "Migrate",
      { cpu: 512, memoryLimitMiB: 1024, env: {} },
      settings.imageTag,
      MIGRATE_COMMAND
    )
  }
}
