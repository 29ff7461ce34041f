import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput } from "@medusajs/framework/types"
import { sumAmounts } from "../../../utils/money"
import { refundStatusToRecord } from "../../../utils/payment/refund-status"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"
import type { OrderLifecycleRecord, OrderStatus } from "../../../modules/order-lifecycle/types"
import { queryGraph } from "../../../queries/graph"

type Amount = { amount: BigNumberInput }
type PaymentRow = { captures?: Amount[] | null; refunds?: Amount[] | null }
type OrderRow = {
  payment_collections?: { payments?: PaymentRow[] | null }[] | null
  fulfillments?: { canceled_at?: string | Date | null }[] | null
}

export type RefundStatusToRecord = {
  lifecycle: OrderLifecycleRecord
  to: OrderStatus
  /**
   * Refunded in full before anything was fulfilled: the order never ships, so Medusa's
   * order is cancelled too and its stock released (as the engine's own refunds do).
   */
  cancel_order: boolean
} | null

/**
 * The status an order's refunds call for (src/utils/payment/refund-status.ts), from what
 * Medusa's payments of the order captured and refunded (the money's record); null also
 * when there is no order or it is not the engine's. Read under the order's lock. Reads only.
 */
export const findRefundStatusToRecordStep = createStep(
  "payment-find-refund-status-to-record",
  async (input: { order_id: string | null }, { container }) => {
    if (!input.order_id) {
      return new StepResponse<RefundStatusToRecord>(null)
    }
    const [lifecycle] = await container
      .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      .listOrderLifecycles({ order_id: input.order_id }, { take: 1 })
    if (!lifecycle) {
      return new StepResponse<RefundStatusToRecord>(null)
    }
    const { data } = await queryGraph<OrderRow>(container, {
      entity: "order",
      fields: [
        "id",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
        "fulfillments.canceled_at",
      ],
      filters: { id: input.order_id },
    })
    const order: OrderRow | undefined = data[0]
    const payments = (order?.payment_collections ?? []).flatMap(
      (collection) => collection.payments ?? []
    )
    const captured = sumAmounts(payments.flatMap((payment) => payment.captures ?? []))
    const refunded = sumAmounts(payments.flatMap((payment) => payment.refunds ?? []))
    const to = refundStatusToRecord(lifecycle.status, captured, refunded)
    if (!to) {
      return new StepResponse<RefundStatusToRecord>(null)
    }
    const shipped = (order?.fulfillments ?? []).some((fulfillment) => !fulfillment.canceled_at)
    return new StepResponse<RefundStatusToRecord>({
      lifecycle,
      to,
      cancel_order: to === "refunded" && !shipped,
    })
  }
)
