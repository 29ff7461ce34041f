import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"

export type WebhookEventRef = { event_id: string; type: string; session_id: string | null }

/**
 * Logs a delivery of a provider event and says whether it was already applied. A repeat
 * delivery of an applied event is only counted. Compensation undoes the count (and the
 * row, for a first delivery), so a failed application is applied again on retry.
 */
export const claimWebhookEventStep = createStep(
  "payment-claim-webhook-event",
  async (input: WebhookEventRef, { container }) => {
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const [existing] = await ledger.listPaymentWebhookEvents(
      { event_id: input.event_id },
      { take: 1 }
    )
    if (existing) {
      await ledger.updatePaymentWebhookEvents({
        id: existing.id,
        deliveries: existing.deliveries + 1,
      })
      return new StepResponse(
        { id: existing.id, already_processed: !!existing.processed_at },
        { id: existing.id, deliveries: existing.deliveries, created: false }
      )
    }
    const created = await ledger.createPaymentWebhookEvents({
      event_id: input.event_id,
      type: input.type,
      session_id: input.session_id,
    })
    return new StepResponse(
      { id: created.id, already_processed: false },
      { id: created.id, deliveries: 0, created: true }
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    if (previous.created) {
      await ledger.deletePaymentWebhookEvents(previous.id)
    } else {
      await ledger.updatePaymentWebhookEvents({ id: previous.id, deliveries: previous.deliveries })
    }
  }
)
