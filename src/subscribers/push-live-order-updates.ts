import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../modules/order-lifecycle/events"
import {
  PaymentLedgerEvents,
  type PaymentAttemptUpdatedData,
} from "../modules/payment-ledger/events"
import { PLATFORM_MODULE } from "../modules/platform"
import type PlatformModuleService from "../modules/platform/service"
import {
  LIVE_ORDERS_TOPIC,
  paymentEventOf,
  type LiveOrderNotice,
} from "../queries/order/order-events-view"

type Data = OrderStatusChangedData | PaymentAttemptUpdatedData

/**
 * Tells every server process's live order streams (docs/LIVE-UPDATES.md) that an order's
 * status changed or its payment has a new outcome. Runs wherever the event bus delivers
 * (a worker process); the platform module carries the notice through Redis pub/sub.
 * Nothing is written, so a repeated delivery at most makes streams re-read the history.
 */
export default async function pushLiveOrderUpdates({
  event,
  container,
}: SubscriberArgs<Data>): Promise<void> {
  const notice: LiveOrderNotice =
    event.name === PaymentLedgerEvents.ATTEMPT_UPDATED
      ? { kind: "payment", event: paymentEventOf(event.data as PaymentAttemptUpdatedData) }
      : statusNotice(event.data as OrderStatusChangedData)
  await container
    .resolve<PlatformModuleService>(PLATFORM_MODULE)
    .publishLive(LIVE_ORDERS_TOPIC, notice)
}

function statusNotice(data: OrderStatusChangedData): LiveOrderNotice {
  return { kind: "status", order_id: data.order_id, customer_id: data.customer_id, to: data.to }
}

export const config: SubscriberConfig = {
  event: [OrderLifecycleEvents.STATUS_CHANGED, PaymentLedgerEvents.ATTEMPT_UPDATED],
  context: { subscriberId: "engine-push-live-order-updates" },
}
