import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents, PaymentEvents, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { PLATFORM_MODULE } from "../modules/platform"
import type { BusinessCounter } from "../modules/platform/business-metrics"
import type PlatformModuleService from "../modules/platform/service"

const COUNTERS: Record<string, BusinessCounter> = {
  [OrderWorkflowEvents.PLACED]: "orders_placed",
  [PaymentEvents.CAPTURED]: "payments_captured",
  [PaymentEvents.REFUNDED]: "refunds",
  [PaymentWebhookEvents.WebhookReceived]: "webhook_events",
}

/**
 * Counts the shop's business events for GET /metrics (docs/OPERATIONS.md, "Metrics"):
 * orders placed, payments captured, refunds made in Medusa (the engine's own POST
 * /payments/refund counts itself) and payment webhooks received (by provider).
 * Failed payments are counted where Stripe's event is read (apply-payment-webhook.ts).
 */
export default async function countBusinessEvents({
  event,
  container,
}: SubscriberArgs<{ provider?: string }>): Promise<void> {
  const counter = COUNTERS[event.name]
  if (!counter) {
    return
  }
  const labels: Record<string, string> =
    counter === "webhook_events"
      ? { provider: String(event.data?.provider ?? "unknown") }
      : counter === "refunds"
        ? { source: "medusa" }
        : {}
  await container
    .resolve<PlatformModuleService>(PLATFORM_MODULE)
    .countBusinessEvent(counter, labels)
}

export const config: SubscriberConfig = {
  event: Object.keys(COUNTERS),
  context: { subscriberId: "engine-count-business-events" },
}
