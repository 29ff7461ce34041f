import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  NotificationLedgerEvents,
  type LowStockDigestRequestedData,
} from "../modules/notification-ledger/events"
import { runNotification } from "../tasks/notification/run-notification"

/** Sends the low-stock digest a recorded crossing asked for (after the gathering delay). */
export default async function sendLowStockDigest({
  event,
  container,
}: SubscriberArgs<LowStockDigestRequestedData>): Promise<void> {
  await runNotification(container, { kind: "low_stock_digest", input: event.data })
}

export const config: SubscriberConfig = {
  event: NotificationLedgerEvents.LOW_STOCK_DIGEST_REQUESTED,
  context: { subscriberId: "engine-send-low-stock-digest" },
}
