import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { NOTIFICATION_LEDGER_MODULE } from "../../../modules/notification-ledger"
import type NotificationLedgerModuleService from "../../../modules/notification-ledger/service"
import type { OutgoingNotification } from "../../../utils/notifications/outgoing"

/**
 * How long a claim protects a message that is being sent (a send gives up within a minute:
 * the SMTP provider's timeouts). A process that died mid-send leaves its claim; after the
 * lease a retry sends the message (the one case of a possible duplicate: the SMTP server
 * may have taken it before the process died).
 */
export const DELIVERY_LEASE_MS = 2 * 60_000

export type DeliveryOutcome = { sent: string[]; skipped: string[] }

/**
 * Sends each message through the notification module once: the ledger's claim on its key
 * comes first, so a message already sent (an event delivered twice) or being sent by
 * another process is skipped. A failed send gives its claim up and, after the others were
 * tried, fails the step so the notification is retried (also when another process was
 * still sending one of them); the retry sends only what is not sent.
 * No compensation: a sent message cannot be recalled, and failed claims are released here.
 */
export const deliverNotificationsStep = createStep(
  "notification-deliver",
  async (messages: OutgoingNotification[], { container }) => {
    const ledger = container.resolve<NotificationLedgerModuleService>(NOTIFICATION_LEDGER_MODULE)
    const notifications = container.resolve(Modules.NOTIFICATION)
    const outcome: DeliveryOutcome = { sent: [], skipped: [] }
    const failures: string[] = []
    for (const message of messages) {
      const { claim, status } = await ledger.claimDelivery(
        message.key,
        new Date(),
        DELIVERY_LEASE_MS
      )
      if (!claim) {
        outcome.skipped.push(message.key)
        // Another process is sending it: if that process dies, only a later attempt of
        // this one would notice, so this one is not done until the message is sent.
        if (status === "sending") {
          failures.push(`${message.key}: being sent by another process`)
        }
        continue
      }
      try {
        const created = await notifications.createNotifications(message.notification)
        await ledger.markDeliverySent(claim.id, created?.id ?? null, new Date())
        outcome.sent.push(message.key)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        await ledger.markDeliveryFailed(claim.id, reason)
        failures.push(`${message.key}: ${reason}`)
      }
    }
    if (failures.length) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `${failures.length} of ${messages.length} notifications failed (retried with the event): ${failures.join("; ")}`
      )
    }
    return new StepResponse(outcome)
  }
)
