import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"

export type LoadPaymentAttemptInput = {
  id: string
  /** A customer reaches only their own payments: anyone else's is a 404. */
  customer_id?: string
}

/** A payment attempt by id (the API's payment id). Reads only. */
export const loadPaymentAttemptStep = createStep(
  "payment-load-attempt",
  async (input: LoadPaymentAttemptInput, { container }) => {
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const [attempt] = await ledger.listPaymentAttempts({ id: input.id }, { take: 1 })
    if (!attempt || (input.customer_id && attempt.customer_id !== input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${input.id} was not found`)
    }
    return new StepResponse(attempt)
  }
)
