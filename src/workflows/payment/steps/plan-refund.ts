import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { OrderStatus } from "../../../modules/order-lifecycle/types"
import type { PaymentAttemptRecord } from "../../../modules/payment-ledger/types"
import { sumAmounts } from "../../../utils/money"
import { queryGraph } from "../../../queries/graph"

export type RefundPlan = {
  payment_id: string
  amount: number
  /** What Medusa had recorded as refunded of the payment before this refund. */
  refunded_before: number
  /** refunded when nothing is left to refund afterwards, else partially_refunded. */
  to: OrderStatus
  /**
   * A full refund of an order nothing was shipped from also cancels Medusa's order, so its
   * stock is released (cancelOrderWorkflow refunds what is left), as PUT status does.
   */
  cancel_order: boolean
}

type Amount = { amount: BigNumberInput }
type PaymentRow = { id: string; captures?: Amount[]; refunds?: Amount[] }
type OrderRow = { fulfillments?: { canceled_at?: string | Date | null }[] }

/**
 * Decides a refund of `amount` (default: everything left) of an attempt's payment, read
 * under the order's lock: nothing captured, or more than what is left, is a 409. Reads only.
 */
export const planRefundStep = createStep(
  "payment-plan-refund",
  async (
    input: { attempt: PaymentAttemptRecord; amount?: string; order_status: OrderStatus },
    { container }
  ) => {
    const { attempt } = input
    const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
    if (!attempt.payment_id) {
      throw conflict(`Payment ${attempt.id} has captured nothing to refund`)
    }
    const [{ data: payments }, { data: orders }] = await Promise.all([
      queryGraph<PaymentRow>(container, {
        entity: "payment",
        fields: ["id", "captures.amount", "refunds.amount"],
        filters: { id: attempt.payment_id },
      }),
      queryGraph<OrderRow>(container, {
        entity: "order",
        fields: ["id", "fulfillments.canceled_at"],
        filters: { id: attempt.order_id },
      }),
    ])
    const payment: PaymentRow | undefined = payments[0]
    const refunded = sumAmounts(payment?.refunds)
    const remaining = MathBN.sub(sumAmounts(payment?.captures), refunded)
    if (!payment || MathBN.lte(remaining, 0)) {
      throw conflict(`Payment ${attempt.id} has no captured money left to refund`)
    }
    const amount = input.amount === undefined ? remaining : MathBN.convert(input.amount)
    if (MathBN.gt(amount, remaining)) {
      throw conflict(
        `Cannot refund ${input.amount}: only ${remaining.toNumber().toFixed(2)} of payment ${attempt.id} is left to refund`
      )
    }
    const full = MathBN.eq(amount, remaining)
    const order: OrderRow | undefined = orders[0]
    const shipped = (order?.fulfillments ?? []).some((fulfillment) => !fulfillment.canceled_at)
    return new StepResponse<RefundPlan>({
      payment_id: payment.id,
      amount: amount.toNumber(),
      refunded_before: refunded.toNumber(),
      to: full ? "refunded" : "partially_refunded",
      // A cancelled order is cancelled in Medusa already: only the money goes back.
      cancel_order: full && !shipped && input.order_status !== "cancelled",
    })
  }
)
