import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { OrderStatus } from "../../../modules/order-lifecycle/types"
import { queryGraph } from "../../../queries/graph"
import { fullRefundOf } from "../../../utils/payment/full-refund"

type PaymentRow = {
  id: string
  canceled_at?: string | Date | null
  captured_at?: string | Date | null
  amount: BigNumberInput
  captures?: { amount: BigNumberInput }[]
  refunds?: { amount: BigNumberInput }[]
}

type OrderState = {
  id: string
  items?: {
    id: string
    product_id?: string | null
    detail?: { quantity: BigNumberInput; fulfilled_quantity?: BigNumberInput | null } | null
  }[]
  fulfillments?: {
    id: string
    canceled_at?: string | Date | null
    shipped_at?: string | Date | null
    delivered_at?: string | Date | null
    created_at: string | Date
  }[]
  payment_collections?: {
    id: string
    status: string
    payments?: PaymentRow[]
    payment_sessions?: { id: string; status: string }[]
  }[]
}

/** What a status move does to Medusa's order, payment and fulfillment records. */
export type StatusActions = {
  /** paid: capture this authorized payment… */
  capture_payment_id: string | null
  /** …or, with nothing authorized, record the collection as paid (offline payment). */
  mark_paid_collection_id: string | null
  /** shipped: the order's unfulfilled items, fulfilled and shipped in one fulfillment. */
  ship_items: { id: string; quantity: number }[]
  /** delivered: the shipped fulfillment to mark delivered. */
  deliver_fulfillment_id: string | null
  /**
   * cancelled, or refunded before anything was fulfilled: cancel the Medusa order
   * (cancelOrderWorkflow releases the reservations and refunds what was captured).
   */
  cancel_order: boolean
  /** With cancel_order: the order's products, whose catalog stock is refreshed after it. */
  stock_product_ids: string[]
  /**
   * cancelled: payment sessions still open to the customer (a Stripe PaymentIntent with a
   * client secret), deleted so the order cannot be paid after it was cancelled.
   */
  close_session_ids: string[]
  /** refunded once goods went out: what is still refundable of each captured payment. */
  refunds: { payment_id: string; amount: number }[]
  /**
   * refunded: what each captured payment's refunds must total afterwards (all it captured),
   * checked after Medusa's refund, which does not fail when the provider does.
   */
  refunded_totals: { payment_id: string; refunded: number }[]
}

/**
 * Sessions nobody has paid yet: a customer could still confirm them (a declined one too:
 * Stripe.js can retry its intent with another card).
 */
const OPEN_SESSION_STATUSES = ["pending", "requires_more", "error", "pending_authorization"]

const NONE: StatusActions = {
  capture_payment_id: null,
  mark_paid_collection_id: null,
  ship_items: [],
  deliver_fulfillment_id: null,
  cancel_order: false,
  stock_product_ids: [],
  close_session_ids: [],
  refunds: [],
  refunded_totals: [],
}

/**
 * Reads the Medusa side of an order and decides what the move to `to` must do there (see
 * docs/ORDERS.md). A move Medusa's state cannot back (marking paid an order whose payment
 * collection is gone, delivering without a shipment, cancelling with a live fulfillment)
 * is a 409. Reads only.
 */
export const planStatusActionsStep = createStep(
  "order-plan-status-actions",
  async (input: { order_id: string; to: OrderStatus }, { container }) => {
    const { data } = await queryGraph<OrderState>(container, {
      entity: "order",
      fields: [
        "id",
        // The quantities live on the item's detail; "items.quantity" alone comes back
        // empty when asked for beside other relations (Medusa only fills it in with totals).
        "items.id",
        "items.product_id",
        "items.detail.quantity",
        "items.detail.fulfilled_quantity",
        "fulfillments.id",
        "fulfillments.canceled_at",
        "fulfillments.shipped_at",
        "fulfillments.delivered_at",
        "fulfillments.created_at",
        "payment_collections.id",
        "payment_collections.status",
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.captures.amount",
        "payment_collections.payments.refunds.amount",
        "payment_collections.payment_sessions.id",
        "payment_collections.payment_sessions.status",
      ],
      filters: { id: input.order_id },
    })
    const order: OrderState | undefined = data[0]
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    const collections = order.payment_collections ?? []
    const payments = collections.flatMap((collection) => collection.payments ?? [])
    const fulfillments = (order.fulfillments ?? []).filter((f) => !f.canceled_at)
    const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
    const productIds = [
      ...new Set((order.items ?? []).map((item) => item.product_id).filter((id) => !!id)),
    ] as string[]

    switch (input.to) {
      case "paid": {
        const authorized = payments.find((p) => !p.canceled_at && !p.captures?.length)
        if (authorized) {
          return new StepResponse<StatusActions>({ ...NONE, capture_payment_id: authorized.id })
        }
        const open = collections.find((collection) => collection.status === "not_paid")
        if (!open) {
          throw conflict(`Order ${order.id} has no unpaid payment collection to mark as paid`)
        }
        return new StepResponse<StatusActions>({ ...NONE, mark_paid_collection_id: open.id })
      }
      case "shipped": {
        const items = (order.items ?? [])
          .map((item) => ({
            id: item.id,
            quantity: MathBN.sub(
              item.detail?.quantity ?? 0,
              item.detail?.fulfilled_quantity ?? 0
            ).toNumber(),
          }))
          .filter((item) => item.quantity > 0)
        if (!items.length) {
          throw conflict(`Order ${order.id} has nothing left to ship`)
        }
        return new StepResponse<StatusActions>({ ...NONE, ship_items: items })
      }
      case "delivered": {
        const shipped = fulfillments.find((f) => f.shipped_at && !f.delivered_at)
        if (!shipped) {
          throw conflict(`Order ${order.id} has no shipped fulfillment to mark as delivered`)
        }
        return new StepResponse<StatusActions>({ ...NONE, deliver_fulfillment_id: shipped.id })
      }
      case "refunded": {
        const { refunds, refunded_totals: refundedTotals } = fullRefundOf(payments)
        if (!refunds.length) {
          throw conflict(`Order ${order.id} has no captured money left to refund`)
        }
        // Refunded is final: an order refunded before anything was fulfilled never ships,
        // so it is cancelled in Medusa too (its stock is released, not held for ever).
        if (!fulfillments.length) {
          return new StepResponse<StatusActions>({
            ...NONE,
            cancel_order: true,
            stock_product_ids: productIds,
            refunded_totals: refundedTotals,
          })
        }
        return new StepResponse<StatusActions>({
          ...NONE,
          refunds,
          refunded_totals: refundedTotals,
        })
      }
      case "cancelled": {
        // Medusa cancels only orders whose fulfillments are all cancelled (one made in
        // Medusa's dashboard, even unshipped, blocks it): say so instead of its 400.
        if (fulfillments.length) {
          throw conflict(
            `Order ${order.id} has a fulfillment; cancel it in Medusa before cancelling the order`
          )
        }
        const closeSessionIds = collections
          .flatMap((collection) => collection.payment_sessions ?? [])
          .filter((session) => OPEN_SESSION_STATUSES.includes(session.status))
          .map((session) => session.id)
        return new StepResponse<StatusActions>({
          ...NONE,
          cancel_order: true,
          stock_product_ids: productIds,
          close_session_ids: closeSessionIds,
        })
      }
      default:
        return new StepResponse<StatusActions>(NONE)
    }
  }
)
