import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { notificationSettings } from "../../config/notifications"
import { NotificationLedgerEvents } from "../../modules/notification-ledger/events"
import type { OrderStatusChangedData } from "../../modules/order-lifecycle/events"
import { nextRetryDelayMs, reasonOf } from "../../utils/notifications/retry"
import { sendAdminPasswordResetEmailWorkflow } from "../../workflows/notification/send-admin-password-reset-email"
import { sendInviteEmailWorkflow } from "../../workflows/notification/send-invite-email"
import { sendLowStockDigestWorkflow } from "../../workflows/notification/send-low-stock-digest"
import { sendOrderStatusEmailWorkflow } from "../../workflows/notification/send-order-status-email"

/** A notification to send: which workflow, with what input. */
export type NotificationJob =
  | { kind: "order_status"; input: OrderStatusChangedData }
  | { kind: "admin_password_reset"; input: { email: string; token: string } }
  | { kind: "invite"; input: { invite_id: string; trigger: string } }
  | { kind: "low_stock_digest"; input: { alert_id: string } }

export type NotificationRetryData = { job: NotificationJob; attempt: number }

async function runJob(container: MedusaContainer, job: NotificationJob): Promise<void> {
  switch (job.kind) {
    case "order_status":
      await sendOrderStatusEmailWorkflow(container).run({ input: job.input })
      return
    case "admin_password_reset":
      await sendAdminPasswordResetEmailWorkflow(container).run({ input: job.input })
      return
    case "invite":
      await sendInviteEmailWorkflow(container).run({ input: job.input })
      return
    case "low_stock_digest":
      await sendLowStockDigestWorkflow(container).run({ input: job.input })
      return
  }
}

/**
 * Runs a notification's workflow. When it fails (an SMTP server that is down), the event
 * bus gets `notification.retry_requested` with a delay (doubling from
 * NOTIFICATION_RETRY_DELAY_MS, NOTIFICATION_ATTEMPTS runs in all) and this runs again;
 * the ledger makes the retry send only what was not sent. Never throws: the failure is
 * the retry's business, and the other subscribers of the event are not run again for it.
 */
export async function runNotification(
  container: MedusaContainer,
  job: NotificationJob,
  attempt = 1
): Promise<void> {
  try {
    await runJob(container, job)
  } catch (error) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const reason = reasonOf(error)
    const settings = notificationSettings()
    const delay = nextRetryDelayMs(attempt, settings.attempts, settings.retryDelayMs)
    if (delay === null) {
      logger.error(`notification ${job.kind} failed for good after ${attempt} attempts: ${reason}`)
      return
    }
    logger.warn(
      `notification ${job.kind} failed (attempt ${attempt} of ${settings.attempts}), retried in ${delay} ms: ${reason}`
    )
    const data: NotificationRetryData = { job, attempt: attempt + 1 }
    await container
      .resolve(Modules.EVENT_BUS)
      .emit({ name: NotificationLedgerEvents.RETRY_REQUESTED, data }, { delay })
  }
}
