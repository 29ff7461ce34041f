import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../modules/order-lifecycle/events"
import { runNotification } from "../tasks/notification/run-notification"

/**
 * The customer's order emails. Every status change mails its status, except the first: the
 * confirmation is asked for by `order.placed`, which every order emits (orders placed
 * through Medusa's own routes get their history entry without `order.status_changed`),
 * while the engine's checkout emits both. Handling the first entry too cost a second run
 * per order (lock, reads, render) that found the confirmation already sent.
 */
export default async function sendOrderStatusEmail({
  event,
  container,
}: SubscriberArgs<OrderStatusChangedData | { id: string }>): Promise<void> {
  if (
    event.name !== OrderWorkflowEvents.PLACED &&
    isPlacement(event.data as OrderStatusChangedData)
  ) {
    return
  }
  const change: OrderStatusChangedData =
    event.name === OrderWorkflowEvents.PLACED
      ? {
          id: event.data.id,
          order_id: event.data.id,
          customer_id: null,
          from: null,
          to: "pending",
          actor_type: "system",
          actor_id: null,
          note: null,
        }
      : (event.data as OrderStatusChangedData)
  await runNotification(container, { kind: "order_status", input: change })
}

/** The history's first entry: the order was placed (the confirmation's change). */
function isPlacement(change: OrderStatusChangedData): boolean {
  return change.from === null && change.to === "pending"
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderLifecycleEvents.STATUS_CHANGED],
  context: { subscriberId: "engine-send-order-status-email" },
}
