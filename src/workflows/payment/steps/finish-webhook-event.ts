import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"

/** Marks a provider event applied, with what it did. Compensation marks it unapplied. */
export const finishWebhookEventStep = createStep(
  "payment-finish-webhook-event",
  async (input: { id: string; outcome: string }, { container }) => {
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    await ledger.updatePaymentWebhookEvents({
      id: input.id,
      processed_at: new Date(),
      outcome: input.outcome,
    })
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    await ledger.updatePaymentWebhookEvents({ id, processed_at: null, outcome: null })
  }
)
