import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../modules/order-lifecycle/events"
import { changesPurchases } from "../utils/order/purchase"
import { refreshVerifiedPurchasesWorkflow } from "../workflows/review/refresh-verified-purchases"

/**
 * "Verified purchase" follows the order: paying makes the customer's reviews of its
 * products verified, a cancellation or full refund takes it back (unless another order
 * still justifies it). Moves that keep the order on the same side (placing it, fulfilment
 * steps after payment, cancelling an unpaid order) change nothing and are skipped.
 */
export default async function refreshVerifiedPurchases({
  event,
  container,
}: SubscriberArgs<OrderStatusChangedData>): Promise<void> {
  const { order_id, customer_id, from, to } = event.data
  if (!customer_id || !changesPurchases(from, to)) {
    return
  }
  await refreshVerifiedPurchasesWorkflow(container).run({ input: { order_id, customer_id } })
}

export const config: SubscriberConfig = {
  event: OrderLifecycleEvents.STATUS_CHANGED,
  context: { subscriberId: "engine-refresh-verified-purchases" },
}
