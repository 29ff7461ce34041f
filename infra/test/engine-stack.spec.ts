import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { App } from "aws-cdk-lib"
import { Match, Template } from "aws-cdk-lib/assertions"
import * as s3 from "aws-cdk-lib/aws-s3"
import { AwsSolutionsChecks } from "cdk-nag"
import { buildApp } from "../lib/build-app"

// The CDK app (infra/) synthesized offline: no AWS account, no lookups. The assertions
// hold the promises docs/DEPLOY-AWS.md makes about the resources that matter.
jest.setTimeout(180_000)

const CONTEXT = {
  account: "111122223333",
  region: "eu-central-1",
  imageTag: "abc123",
  certificateArn: "arn:aws:acm:eu-central-1:111122223333:certificate/test",
  domainName: "shop.example.com",
  alarmEmail: "ops@example.com",
}

function synth(context: Record<string, unknown> = CONTEXT) {
  const app = new App({ context })
  const stacks = buildApp(app)
  return { app, ...stacks, template: Template.fromStack(stacks.engine) }
}

type Container = {
  Name: string
  Essential?: boolean
  DependsOn?: unknown[]
  Image: unknown
  Command?: string[]
  Environment: Array<{ Name: string; Value: unknown }>
  Secrets: Array<{ Name: string }>
}

function containers(template: Template): Container[] {
  return Object.values(template.findResources("AWS::ECS::TaskDefinition")).flatMap(
    (resource) => resource.Properties.ContainerDefinitions as Container[]
  )
}

describe("the engine stack", () => {
  const { template } = synth()

  it("keeps PostgreSQL private, Multi-AZ, encrypted and backed up, with TLS forced", () => {
    template.resourceCountIs("AWS::RDS::DBInstance", 1)
    template.hasResourceProperties("AWS::RDS::DBInstance", {
      Engine: "postgres",
      EngineVersion: Match.stringLikeRegexp("^16\\."),
      PubliclyAccessible: false,
      MultiAZ: true,
      StorageEncrypted: true,
      BackupRetentionPeriod: 14,
      DeletionProtection: true,
      DBName: "medusa",
    })
    template.hasResource("AWS::RDS::DBInstance", { DeletionPolicy: "Snapshot" })
    template.hasResourceProperties("AWS::RDS::DBParameterGroup", {
      Parameters: { "rds.force_ssl": "1" },
    })
    // Only the tasks' security group may connect, on 5432.
    template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      FromPort: 5432,
      ToPort: 5432,
      SourceSecurityGroupId: Match.anyValue(),
    })
    const publicIngress = Object.values(template.findResources("AWS::EC2::SecurityGroup")).flatMap(
      (sg) =>
        ((sg.Properties.SecurityGroupIngress ?? []) as Array<{ CidrIp?: string; FromPort: number }>)
          .filter((rule) => rule.CidrIp === "0.0.0.0/0")
          .map((rule) => rule.FromPort)
    )
    expect(publicIngress.sort()).toEqual([443, 80])
  })

  it("runs Redis with encryption in transit and at rest, an AUTH token and a replica", () => {
    template.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", {
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      AuthToken: Match.anyValue(),
      NumCacheClusters: 2,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
    })
  })

  it("keeps the files bucket private behind CloudFront with origin access control", () => {
    for (const bucket of Object.values(template.findResources("AWS::S3::Bucket"))) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      })
      expect(bucket.Properties.BucketEncryption).toBeDefined()
    }
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1)
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
      }),
    })
    // The bucket policy admits CloudFront, for this distribution only.
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: "cloudfront.amazonaws.com" },
            Condition: { StringEquals: { "AWS:SourceArn": Match.anyValue() } },
          }),
        ]),
      }),
    })
  })

  it("serves HTTPS on the load balancer, redirects HTTP, and checks /ready", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 443,
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: CONTEXT.certificateArn }],
    })
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: "redirect" })],
    })
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
      HealthCheckPath: "/ready",
      Matcher: { HttpCode: "200" },
      Port: 9000,
    })
  })

  it("runs at least two server tasks, autoscaled on CPU and request count, and a worker", () => {
    template.resourceCountIs("AWS::ECS::Service", 2)
    template.hasResourceProperties("AWS::ECS::Service", {
      DesiredCount: 2,
      LaunchType: "FARGATE",
      LoadBalancers: [Match.objectLike({ ContainerPort: 9000 })],
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
      }),
    })
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
      MinCapacity: 2,
      MaxCapacity: 10,
    })
    const metrics = Object.values(
      template.findResources("AWS::ApplicationAutoScaling::ScalingPolicy")
    ).map(
      (policy) =>
        policy.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification
          .PredefinedMetricType
    )
    expect(metrics.sort()).toEqual(["ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilization"])
    const engines = containers(template).filter((c) => c.Name === "engine")
    const modes = engines.map(
      (c) => c.Environment.find((e) => e.Name === "MEDUSA_WORKER_MODE")?.Value
    )
    expect(modes.sort()).toEqual(["server", "worker", undefined])
    // Server and worker tasks migrate (under the advisory lock) before the engine starts.
    const migrations = containers(template).filter((c) => c.Name === "migrate")
    expect(migrations).toHaveLength(2)
    for (const migrate of migrations) {
      expect(migrate).toMatchObject({ Command: ["node", "scripts/migrate.js"], Essential: false })
    }
    for (const engine of engines.filter((c) => !c.Command)) {
      expect(engine).toMatchObject({
        DependsOn: [{ ContainerName: "migrate", Condition: "SUCCESS" }],
      })
    }
  })

  it("gives the containers every secret from Secrets Manager, none in the plain environment", () => {
    for (const container of containers(template)) {
      const secretNames = container.Secrets.map((s) => s.Name)
      expect(secretNames).toEqual(
        expect.arrayContaining([
          "JWT_SECRET",
          "COOKIE_SECRET",
          "STRIPE_API_KEY",
          "STRIPE_WEBHOOK_SECRET",
          "SMTP_URL",
          "DATABASE_PASSWORD",
          "REDIS_AUTH_TOKEN",
          "METRICS_TOKEN",
        ])
      )
      const plain = container.Environment.map((e) => e.Name)
      expect(plain.filter((name) => /SECRET|PASSWORD|TOKEN|API_KEY|SMTP_URL/.test(name))).toEqual(
        []
      )
      expect(container.Environment).toEqual(
        expect.arrayContaining([
          { Name: "NODE_ENV", Value: "production" },
          { Name: "S3_ACL", Value: "false" },
          { Name: "MEDUSA_BACKEND_URL", Value: "https://shop.example.com" },
        ])
      )
      expect(JSON.stringify(container.Image)).toContain(":abc123")
    }
  })

  it("grants the tasks only object access to the files bucket", () => {
    const statements = Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => id.includes("TaskRole"))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      expect(statement.Action).toEqual([
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:AbortMultipartUpload",
      ])
      expect(JSON.stringify(statement.Resource)).toMatch(/Files.*\/\*/)
    }
  })

  it("alarms on the 5xx rate, latency, /ready failures and the queue depth, to SNS", () => {
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm"))
    const described = alarms.map((alarm) => alarm.Properties.AlarmDescription as string)
    for (const topic of [/5xx/, /p95/, /GET \/ready/, /events waiting/]) {
      expect(described.some((text) => topic.test(text))).toBe(true)
    }
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp("5xx") })]),
    })
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "CommerceEngine",
      MetricName: "EventQueueDepth",
    })
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toHaveLength(1)
    }
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: CONTEXT.alarmEmail,
    })
  })

  it("refuses fewer than two server tasks", () => {
    expect(() => synth({ ...CONTEXT, serverMinTasks: 1 })).toThrow(/serverMinTasks/)
  })
})

describe("cdk-nag AWS Solutions checks", () => {
  it("finds nothing that was not reviewed (lib/nag-suppressions.ts)", () => {
    const { app, registry, engine } = synth()
    for (const stack of [registry, engine]) {
      const report = new AwsSolutionsChecks(app).validateScope(stack)
      expect(report.violations.map((v) => v.ruleName)).toEqual([])
    }
  })

  it("still reports a finding that is not acknowledged (the check runs)", () => {
    const { app, engine } = synth()
    new s3.Bucket(engine, "UnreviewedBucket")
    const report = new AwsSolutionsChecks(app).validateScope(engine)
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(["AwsSolutions-S1", "AwsSolutions-S10"])
    )
  })
})

describe("cdk synth (the CLI, as CI runs it)", () => {
  it("synthesizes both stacks offline with no AWS credentials", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "engine-cdk-"))
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_"))
    )
    const root = path.resolve(__dirname, "..")
    try {
      const { code, output } = await new Promise<{ code: number | null; output: string }>(
        (resolve) => {
          const child = spawn(
            path.resolve(root, "../node_modules/.bin/cdk"),
            ["synth", "--no-notices", "--quiet", "-o", out, "-c", "imageTag=ci"],
            { cwd: root, env: { ...env, CDK_DISABLE_CLI_TELEMETRY: "true" } }
          )
          let text = ""
          child.stdout.on("data", (chunk) => (text += chunk))
          child.stderr.on("data", (chunk) => (text += chunk))
          child.on("exit", (exitCode) => resolve({ code: exitCode, output: text }))
        }
      )
      expect({ code, output }).toMatchObject({ code: 0 })
      const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"))
      expect(Object.keys(manifest.artifacts)).toEqual(
        expect.arrayContaining(["CommerceEngineRegistry", "CommerceEngine"])
      )
    } finally {
      fs.rmSync(out, { recursive: true, force: true })
    }
  })
})
