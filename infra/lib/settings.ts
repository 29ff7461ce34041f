import type { Node } from "constructs"

/**
 * What an operator chooses per deployment, from CDK context (`cdk.json` or `-c key=value`)
 * and nothing else: no lookups, so `cdk synth` runs offline (the tests synthesize it).
 * docs/DEPLOY-AWS.md explains each value.
 */
export type DeploySettings = {
  account: string
  region: string
  /** Two zones: Multi-AZ database, Redis replica and tasks spread over both. */
  availabilityZones: string[]
  /** The engine image in the registry stack's repository, by tag (CI: the commit SHA). */
  imageTag: string
  /** ACM certificate for the load balancer's HTTPS listener (same region). */
  certificateArn: string
  /** The shop's public host name (CORS, backend URL); the ALB's DNS name when empty. */
  domainName: string
  /** Alarm notifications go to this address when set (confirm the SNS subscription). */
  alarmEmail: string
  serverMinTasks: number
  serverMaxTasks: number
  workerTasks: number
}

/** A placeholder account for offline synthesis; deploys take the real one from the CLI. */
export const OFFLINE_ACCOUNT = "123456789012"
/** ACM's documented example ARN: lets `cdk synth` run without a certificate. */
export const PLACEHOLDER_CERTIFICATE_ARN =
  "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"

function text(node: Node, key: string, fallback: string): string {
  const value = node.tryGetContext(key)
  return value === undefined || value === null || value === "" ? fallback : String(value)
}

function count(node: Node, key: string, fallback: number, min: number): number {
  const value = Number(node.tryGetContext(key) ?? fallback)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`context ${key} must be a whole number ≥ ${min}, got ${value}`)
  }
  return value
}

export function readSettings(node: Node, env: NodeJS.ProcessEnv = process.env): DeploySettings {
  const region = text(node, "region", env.CDK_DEFAULT_REGION || "eu-west-1")
  const imageTag = text(node, "imageTag", "latest")
  const settings: DeploySettings = {
    account: text(node, "account", env.CDK_DEFAULT_ACCOUNT || OFFLINE_ACCOUNT),
    region,
    availabilityZones: text(node, "availabilityZones", `${region}a,${region}b`).split(","),
    imageTag,
    certificateArn: text(node, "certificateArn", PLACEHOLDER_CERTIFICATE_ARN),
    domainName: text(node, "domainName", ""),
    alarmEmail: text(node, "alarmEmail", ""),
    serverMinTasks: count(node, "serverMinTasks", 2, 2),
    serverMaxTasks: count(node, "serverMaxTasks", 10, 2),
    workerTasks: count(node, "workerTasks", 1, 1),
  }
  if (settings.serverMaxTasks < settings.serverMinTasks) {
    throw new Error("context serverMaxTasks must be at least serverMinTasks")
  }
  if (settings.availabilityZones.length < 2) {
    throw new Error("context availabilityZones must name at least two zones")
  }
  return settings
}
