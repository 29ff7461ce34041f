import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"
import type { AttemptStatus, PaymentAttemptRecord } from "../../../modules/payment-ledger/types"

export type PaymentAttemptChanges = {
  status?: AttemptStatus
  payment_id?: string | null
  provider_reference?: string | null
  failure_code?: string | null
  failure_message?: string | null
}

/** Records what became of an attempt. Compensation restores the previous values. */
export const updatePaymentAttemptStep = createStep(
  "payment-update-attempt",
  async (
    input: { attempt: PaymentAttemptRecord; changes: PaymentAttemptChanges },
    { container }
  ) => {
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const { attempt } = input
    const updated = await ledger.updatePaymentAttempts({
      id: attempt.id,
      ...input.changes,
    })
    const previous: PaymentAttemptChanges & { id: string } = {
      id: attempt.id,
      status: attempt.status,
      payment_id: attempt.payment_id,
      provider_reference: attempt.provider_reference,
      failure_code: attempt.failure_code,
      failure_message: attempt.failure_message,
    }
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    await ledger.updatePaymentAttempts(previous)
  }
)
