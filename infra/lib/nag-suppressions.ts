import { Validations, type Stack } from "aws-cdk-lib"
import type { IConstruct } from "constructs"

type Finding = { paths: string[]; id: string; reason: string }

/**
 * cdk-nag (AWS Solutions) findings that were reviewed and accepted, each with its reason.
 * Everything else fails `cdk synth` (and infra/test/engine-stack.spec.ts).
 */
const REVIEWED: Finding[] = [
  {
    paths: [
      "Data/Postgres/Secret",
      "Data/RedisAuthToken",
      "Secrets/JwtSecret",
      "Secrets/CookieSecret",
      "Secrets/MetricsToken",
      "Secrets/Integrations",
    ],
    id: "AwsSolutions-SMG4",
    reason:
      "No automatic rotation: ECS reads secrets when a task starts, so a rotation Lambda would break running tasks until they restart, and rotating JWT_SECRET signs every user out. Rotation is an operator procedure (docs/DEPLOY-AWS.md, 'Rotate secrets') that ends with a forced new deployment.",
  },
  {
    paths: ["Data/Postgres"],
    id: "AwsSolutions-RDS11",
    reason:
      "The default port 5432 is kept: the database is in isolated subnets and its security group admits only the engine tasks; a non-standard port adds no protection.",
  },
  {
    paths: ["Data/Redis"],
    id: "AwsSolutions-AEC5",
    reason:
      "The default port 6379 is kept: Redis is in isolated subnets, admits only the engine tasks, and requires TLS and an AUTH token.",
  },
  {
    paths: ["Files/Cdn"],
    id: "AwsSolutions-CFR1",
    reason:
      "The shop sells wherever its regions say; the CDN serves product images to all countries.",
  },
  {
    paths: ["Files/Cdn"],
    id: "AwsSolutions-CFR2",
    reason:
      "The distribution serves only public product images from a private bucket (GET/HEAD, cached); a WAF web ACL is an operator choice for the shop's own domain (docs/DEPLOY-AWS.md).",
  },
  {
    paths: ["Files/Cdn"],
    id: "AwsSolutions-CFR4",
    reason:
      "With the default *.cloudfront.net certificate CloudFront cannot enforce TLS 1.2 to viewers (its policy is fixed at TLSv1); give the distribution a custom domain and certificate to raise it (docs/DEPLOY-AWS.md). It serves only public product images.",
  },
  {
    paths: ["Engine/Alb/SecurityGroup"],
    id: "AwsSolutions-EC23",
    reason:
      "The shop's public load balancer: ports 443 (and 80, redirected to 443) are open to the internet by design.",
  },
  {
    paths: ["Engine/ServerTask", "Engine/WorkerTask", "Engine/MigrateTask"],
    id: "AwsSolutions-ECS2",
    reason:
      "The plain environment holds only non-secret settings (hosts, ports, bucket, modes); every secret comes from Secrets Manager through the container's `secrets`.",
  },
  {
    paths: [
      "Engine/ServerTask/ExecutionRole/DefaultPolicy",
      "Engine/WorkerTask/ExecutionRole/DefaultPolicy",
      "Engine/MigrateTask/ExecutionRole/DefaultPolicy",
    ],
    id: "AwsSolutions-IAM5[Resource::*]",
    reason:
      "ecr:GetAuthorizationToken has no resource-level permissions (AWS requires Resource '*'); image pulls themselves are limited to the engine repository.",
  },
  {
    paths: ["Engine/ServerTask/TaskRole/DefaultPolicy", "Engine/WorkerTask/TaskRole/DefaultPolicy"],
    id: "AwsSolutions-IAM5[Resource::<Files51320BCE.Arn>/*]",
    reason:
      "Object-level access (get, put, delete, abort multipart upload) to the files bucket's objects, whose keys are generated per upload; no bucket-level or other bucket's permissions.",
  },
]

function find(stack: Stack, path: string): IConstruct {
  const construct = path
    .split("/")
    .reduce<IConstruct | undefined>((node, id) => node?.node.tryFindChild(id), stack)
  if (!construct) {
    throw new Error(`nag suppression for a missing construct: ${stack.stackName}/${path}`)
  }
  return construct
}

export function suppressReviewedFindings(stack: Stack): void {
  for (const finding of REVIEWED) {
    for (const path of finding.paths) {
      Validations.of(find(stack, path)).acknowledge({ id: finding.id, reason: finding.reason })
    }
  }
}
