import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"

export type CreatePaymentAttemptInput = {
  session: {
    id: string
    payment_collection_id: string
    provider_id: string
    amount: number | string
    currency_code: string
    data?: Record<string, unknown> | null
  }
  order_id: string
  customer_id: string | null
}

/** Records a new payment attempt for a session just opened. Compensation deletes it. */
export const createPaymentAttemptStep = createStep(
  "payment-create-attempt",
  async (input: CreatePaymentAttemptInput, { container }) => {
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const reference = input.session.data?.id
    const attempt = await ledger.recordNewAttempt({
      session_id: input.session.id,
      order_id: input.order_id,
      customer_id: input.customer_id,
      payment_collection_id: input.session.payment_collection_id,
      provider_id: input.session.provider_id,
      amount: input.session.amount,
      currency_code: input.session.currency_code,
      provider_reference: typeof reference === "string" ? reference : null,
    })
    return new StepResponse(attempt, attempt.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    await ledger.deletePaymentAttempts(id)
  }
)
