import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { PLATFORM_MODULE } from "../modules/platform"
import type PlatformModuleService from "../modules/platform/service"
import type { EngineWebhookData } from "../modules/stripe-payment/service"
import { applyPaymentWebhookWorkflow } from "../workflows/payment/apply-payment-webhook"

/** The provider the engine applies webhooks of (Medusa's id without `pp_`). */
const STRIPE_WEBHOOK_PROVIDER = "stripe_stripe"
const STRIPE_PAYMENT_FAILED = "payment_intent.payment_failed"

type SerializedBuffer = { type: "Buffer"; data: number[] }

/**
 * Applies Stripe's webhooks to the engine's orders and payments, beside Medusa's own
 * handler of the same event (which authorizes and captures Medusa's payment). The
 * provider verifies the signature again here; the event is then applied once
 * (src/workflows/payment/apply-payment-webhook.ts). A failure is retried by the event bus.
 */
export default async function applyPaymentWebhook({
  event,
  container,
}: SubscriberArgs<ProviderWebhookPayload>): Promise<void> {
  const input = event.data
  if (input.provider !== STRIPE_WEBHOOK_PROVIDER) {
    return
  }
  // Through Redis the raw body arrives as a serialized Buffer (as in Medusa's handler),
  // which ProviderWebhookPayload's `rawData: string | Buffer` does not admit.
  const raw = input.payload.rawData as unknown as SerializedBuffer | Buffer | string
  const rawData =
    typeof raw === "object" && !Buffer.isBuffer(raw) && raw?.type === "Buffer"
      ? Buffer.from(raw.data)
      : raw
  const result = await container.resolve(Modules.PAYMENT).getWebhookActionAndData({
    ...input,
    payload: { ...input.payload, rawData: rawData as Buffer },
  })
  const data = result.data as EngineWebhookData | undefined
  if (!data?.event_id) {
    return
  }
  if (data.event_type === STRIPE_PAYMENT_FAILED) {
    // Declines at confirmation and later failures alike: Stripe sends this for each.
    await container
      .resolve<PlatformModuleService>(PLATFORM_MODULE)
      .countBusinessEvent("payments_failed", { provider: STRIPE_WEBHOOK_PROVIDER })
  }
  await applyPaymentWebhookWorkflow(container).run({
    input: {
      event_id: data.event_id,
      event_type: data.event_type,
      session_id: data.session_id ?? null,
      amount: data.amount === undefined ? undefined : Number(data.amount),
    },
  })
}

export const config: SubscriberConfig = {
  event: PaymentWebhookEvents.WebhookReceived,
  context: { subscriberId: "engine-apply-payment-webhook" },
}
