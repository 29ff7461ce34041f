import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../modules/order-lifecycle/events"
import { refreshVerifiedPurchasesWorkflow } from "../workflows/review/refresh-verified-purchases"

/**
 * "Verified purchase" follows the order: paying makes the customer's reviews of its
 * products verified, a cancellation or full refund takes it back (unless another order
 * still justifies it).
 */
export default async function refreshVerifiedPurchases({
  event,
  container,
}: SubscriberArgs<OrderStatusChangedData>): Promise<void> {
  const { order_id, customer_id } = event.data
  if (!customer_id) {
    return
  }
  await refreshVerifiedPurchasesWorkflow(container).run({ input: { order_id, customer_id } })
}

export const config: SubscriberConfig = {
  event: OrderLifecycleEvents.STATUS_CHANGED,
  context: { subscriberId: "engine-refresh-verified-purchases" },
}
