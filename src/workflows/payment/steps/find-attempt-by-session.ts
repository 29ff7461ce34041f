import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"
import type { PaymentAttemptRecord } from "../../../modules/payment-ledger/types"

/** The attempt behind a payment session, or null (a session the engine did not open). */
export const findAttemptBySessionStep = createStep(
  "payment-find-attempt-by-session",
  async (input: { session_id: string | null }, { container }) => {
    if (!input.session_id) {
      return new StepResponse<PaymentAttemptRecord | null>(null)
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const [attempt] = await ledger.listPaymentAttempts(
      { session_id: input.session_id },
      { take: 1 }
    )
    return new StepResponse<PaymentAttemptRecord | null>(attempt ?? null)
  }
)
