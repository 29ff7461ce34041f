import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { queryGraph } from "../../../queries/graph"
import {
  fullRefundOf,
  type MoneyMoves,
  type RefundedTotal,
} from "../../../utils/payment/full-refund"

type OrderPayments = { payment_collections?: { payments?: MoneyMoves[] | null }[] | null }

/**
 * What Medusa's cancelOrderWorkflow will refund (all captured money left) and what each
 * payment's refunds must then total, read under the order's lock before it runs. Reads
 * only: nothing to compensate. An unknown order plans nothing; Medusa's workflow answers
 * its 404.
 */
export const planCancellationRefundsStep = createStep(
  "order-plan-cancellation-refunds",
  async (input: { order_id: string }, { container }) => {
    const { data } = await queryGraph<OrderPayments>(container, {
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: input.order_id },
    })
    const payments = (data[0]?.payment_collections ?? []).flatMap(
      (collection) => collection.payments ?? []
    )
    return new StepResponse<RefundedTotal[]>(fullRefundOf(payments).refunded_totals)
  }
)
