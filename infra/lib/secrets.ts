import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager"
import { Construct } from "constructs"

/** Keys of the integrations secret the operator fills in (docs/DEPLOY-AWS.md, step 4). */
export const INTEGRATION_KEYS = [
  "STRIPE_API_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "SMTP_URL",
  "GOOGLE_CLIENT_ID",
  "GOOGLE_CLIENT_SECRET",
  "GITHUB_CLIENT_ID",
  "GITHUB_CLIENT_SECRET",
] as const

/**
 * The engine's secrets in Secrets Manager, injected into the tasks by ECS (never in the
 * task definition's plain environment): the signing secrets are generated here; the
 * integrations secret starts with empty values for the operator to fill.
 */
export class AppSecrets extends Construct {
  readonly jwt: secretsmanager.Secret
  readonly cookie: secretsmanager.Secret
  readonly metricsToken: secretsmanager.Secret
  readonly integrations: secretsmanager.Secret

  constructor(scope: Construct, id: string) {
    super(scope, id)
    const generated = (name: string, description: string) =>
      new secretsmanager.Secret(this, name, {
        description,
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
      })
    this.jwt = generated("JwtSecret", "JWT_SECRET: signs access tokens")
    this.cookie = generated("CookieSecret", "COOKIE_SECRET: signs session cookies")
    this.metricsToken = generated("MetricsToken", "METRICS_TOKEN: bearer token for /metrics")
    const empty = Object.fromEntries(INTEGRATION_KEYS.map((key) => [key, ""]))
    this.integrations = new secretsmanager.Secret(this, "Integrations", {
      description: "Stripe, SMTP and OAuth settings of the commerce engine (fill in after deploy)",
      generateSecretString: {
        // The generated key is unused; the template gives the keys ECS reads.
        secretStringTemplate: JSON.stringify(empty),
        generateStringKey: "_generated",
        excludePunctuation: true,
      },
    })
  }
}
