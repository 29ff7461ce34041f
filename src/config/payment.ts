/**
 * The payment providers that take webhooks at `POST /hooks/payment/{provider}`, as
 * medusa-config.ts configures them: Stripe (`stripe_stripe`, Medusa's id `pp_stripe_stripe`)
 * when STRIPE_API_KEY is set, with its signing secret. Read on each call: a webhook for a
 * provider that is not configured is refused before Medusa queues it.
 */
export type WebhookProvider = { name: string; signingSecret: string | undefined }

export const STRIPE_WEBHOOK_PROVIDER = "stripe_stripe"

export function webhookProvider(
  provider: string,
  env: NodeJS.ProcessEnv = process.env
): WebhookProvider | undefined {
  if (provider === STRIPE_WEBHOOK_PROVIDER && env.STRIPE_API_KEY) {
    return { name: "Stripe", signingSecret: env.STRIPE_WEBHOOK_SECRET || undefined }
  }
  return undefined
}
