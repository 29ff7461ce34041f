import { createStep } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { queryGraph } from "../../../queries/graph"
import { sumAmounts } from "../../../utils/money"
import type { RefundPlan } from "./plan-refund"

type PaymentRow = { refunds?: { amount: BigNumberInput }[] | null }

/**
 * Fails the refund when Medusa did not record it. Medusa's refundPaymentsWorkflow (and
 * cancelOrderWorkflow through it) logs a provider failure and carries on, so a refund that
 * Stripe refused, or whose answer was lost, would otherwise answer 200 and leave the order
 * marked refunded with nothing refunded. Failing here rolls the status move, the order's
 * transaction and the cancellation back; the refund can be retried, and its Stripe key
 * (src/utils/payment/refund-key.ts) makes a retry of a refund Stripe did make a replay.
 * Reads only: nothing to compensate.
 */
export const ensureRefundMadeStep = createStep(
  "payment-ensure-refund-made",
  async (input: { plan: RefundPlan }, { container }) => {
    const { plan } = input
    const { data } = await queryGraph<PaymentRow>(container, {
      entity: "payment",
      fields: ["id", "refunds.amount"],
      filters: { id: plan.payment_id },
    })
    const expected = MathBN.add(plan.refunded_before, plan.amount)
    if (MathBN.lt(sumAmounts(data[0]?.refunds), expected)) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `The refund of payment ${plan.payment_id} was not confirmed by the payment provider; nothing was recorded, retry it`
      )
    }
  }
)
