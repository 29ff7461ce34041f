import { createStep } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { queryGraph } from "../../../queries/graph"
import { sumAmounts } from "../../../utils/money"
import { paymentProviderError } from "../../../utils/payment/provider-error"

/** A payment whose refunds must total at least `refunded` once the refund ran. */
export type ExpectedRefunds = { payment_id: string; refunded: number }

type PaymentRow = { id: string; refunds?: { amount: BigNumberInput }[] | null }

/**
 * Fails a refund that Medusa did not record. Medusa's refundPaymentsWorkflow (and
 * cancelOrderWorkflow through it) logs a provider failure and carries on, so a refund that
 * Stripe refused, or whose answer was lost, would otherwise answer 200 and leave the order
 * marked refunded with nothing refunded. Failing here rolls back the status move, the
 * order's transactions and the cancellation; the refund can be retried, and its Stripe
 * key (src/utils/payment/refund-key.ts) makes the retry of a refund that Stripe did make a
 * replay. Reads only: nothing to compensate.
 */
export const ensureRefundsMadeStep = createStep(
  "payment-ensure-refunds-made",
  async (input: { expected: ExpectedRefunds[] }, { container }) => {
    if (!input.expected.length) {
      return
    }
    const { data } = await queryGraph<PaymentRow>(container, {
      entity: "payment",
      fields: ["id", "refunds.amount"],
      filters: { id: input.expected.map((expected) => expected.payment_id) },
    })
    for (const expected of input.expected) {
      const payment = data.find((row) => row.id === expected.payment_id)
      if (MathBN.lt(sumAmounts(payment?.refunds), expected.refunded)) {
        throw paymentProviderError(
          `The refund of payment ${expected.payment_id} was not confirmed by the payment provider; nothing was recorded, retry it`
        )
      }
    }
  }
)
