import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules } from "@medusajs/framework/utils"
import type { PaymentAttemptRecord } from "../../../modules/payment-ledger/types"
import { sumAmounts } from "../../../utils/money"

export type RefundComparison = {
  /** Stripe refunded more than Medusa recorded: a refund made outside the engine. */
  outside_engine: boolean
  detail: string
}

/**
 * Compares what Stripe says was refunded on a charge with the refunds Medusa recorded
 * for the payment. The engine's own refunds arrive here too (Stripe reports each one);
 * they match and change nothing. Reads only.
 */
export const compareProviderRefundsStep = createStep(
  "payment-compare-provider-refunds",
  async (input: { attempt: PaymentAttemptRecord; provider_refunded: number }, { container }) => {
    const { attempt } = input
    let recorded = MathBN.convert(0)
    if (attempt.payment_id) {
      const payment = await container
        .resolve(Modules.PAYMENT)
        .retrievePayment(attempt.payment_id, { select: ["id"], relations: ["refunds"] })
      recorded = sumAmounts(payment.refunds)
    }
    const outside = MathBN.gt(input.provider_refunded, recorded)
    return new StepResponse<RefundComparison>({
      outside_engine: outside,
      detail: `Stripe refunded ${MathBN.convert(input.provider_refunded).toFixed(2)} ${attempt.currency_code}, Medusa recorded ${recorded.toFixed(2)}: record the difference as a refund in the dashboard`,
    })
  }
)
