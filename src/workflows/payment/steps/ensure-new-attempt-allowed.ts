import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"
import type { OrderLifecycleRecord } from "../../../modules/order-lifecycle/types"

/** Attempts that may still take the customer's money: a second one would charge twice. */
const LIVE_STATUSES = ["pending", "requires_action", "succeeded"]

export type NewAttemptPlan = {
  /** The order's open payment collection, or null when one must be made. */
  payment_collection_id: string | null
  /** The order's total, for a new collection. */
  amount: number
}

/**
 * A new payment is allowed for a pending order whose payments all failed or were
 * cancelled (or that has none): anything else is a 409, so an order is never paid twice.
 * Says which payment collection the new session goes in. Reads only.
 */
export const ensureNewAttemptAllowedStep = createStep(
  "payment-ensure-new-attempt-allowed",
  async (input: { lifecycle: OrderLifecycleRecord }, { container }) => {
    const { lifecycle } = input
    if (lifecycle.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${lifecycle.order_id} is ${lifecycle.status}: only a pending order can be paid`
      )
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const attempts = await ledger.listPaymentAttempts(
      { order_id: lifecycle.order_id },
      { order: { created_at: "DESC" } }
    )
    const live = attempts.find((attempt) => LIVE_STATUSES.includes(attempt.status))
    if (live) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${lifecycle.order_id} already has a payment ${live.status === "succeeded" ? "that succeeded" : "in progress"} (${live.id})`
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "total",
        "payment_collections.id",
        "payment_collections.status",
        "payment_collections.payments.id",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: lifecycle.order_id },
    })
    type CollectionRow = {
      id: string
      status: string
      payments?: { id: string; canceled_at?: string | Date | null }[]
    }
    const order = data[0] as { total: number; payment_collections?: CollectionRow[] } | undefined
    // Money Medusa holds for the order already (e.g. its own webhook handling recorded a
    // Stripe.js retry the engine has not settled yet): a second payment would charge twice.
    const held = (order?.payment_collections ?? [])
      .flatMap((collection) => collection.payments ?? [])
      .find((payment) => !payment.canceled_at)
    if (held) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${lifecycle.order_id} already has an authorized or captured payment (${held.id})`
      )
    }
    const open = (order?.payment_collections ?? []).find((collection) =>
      ["not_paid", "awaiting"].includes(collection.status)
    )
    return new StepResponse<NewAttemptPlan>({
      payment_collection_id: open?.id ?? null,
      amount: Number(order?.total ?? 0),
    })
  }
)
