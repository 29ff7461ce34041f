import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { NotificationLedgerEvents } from "../modules/notification-ledger/events"
import { runNotification, type NotificationRetryData } from "../tasks/notification/run-notification"

/** Runs a failed notification again when its delayed retry event arrives. */
export default async function retryNotification({
  event,
  container,
}: SubscriberArgs<NotificationRetryData>): Promise<void> {
  await runNotification(container, event.data.job, event.data.attempt)
}

export const config: SubscriberConfig = {
  event: NotificationLedgerEvents.RETRY_REQUESTED,
  context: { subscriberId: "engine-retry-notification" },
}
