import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { queryGraph } from "../graph"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderFactSource } from "../../utils/analytics/order-fact"

type OrderRow = {
  id: string
  customer_id: string | null
  currency_code: string
  created_at: string | Date
  total: BigNumberInput
  items?: ({ product_id: string | null; quantity: BigNumberInput; total: BigNumberInput } | null)[]
  payment_collections?: ({
    payments?: ({ refunds?: ({ amount: BigNumberInput } | null)[] } | null)[]
  } | null)[]
}

const FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "created_at",
  "total",
  "items.product_id",
  "items.quantity",
  "items.total",
  "payment_collections.payments.refunds.amount",
]

/**
 * What the analytics need of some orders: Medusa's order (money, lines, refunds) and the
 * engine's status. An order without a lifecycle row yet (placed through Medusa's store
 * API, its tracking still queued) is pending. Unknown ids are left out.
 */
export async function loadOrderFactSources(
  container: MedusaContainer,
  orderIds: string[]
): Promise<OrderFactSource[]> {
  if (!orderIds.length) {
    return []
  }
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const [{ data }, rows] = await Promise.all([
    queryGraph<OrderRow>(container, { entity: "order", fields: FIELDS, filters: { id: orderIds } }),
    lifecycles.listOrderLifecycles({ order_id: orderIds }, { select: ["order_id", "status"] }),
  ])
  const statusOf = new Map(rows.map((row) => [row.order_id, row.status as string]))
  return data.map((order) => ({
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    currency_code: order.currency_code,
    placed_at: order.created_at,
    status: statusOf.get(order.id) ?? "pending",
    total: order.total,
    refunds: (order.payment_collections ?? []).flatMap((collection) =>
      (collection?.payments ?? []).flatMap((payment) =>
        (payment?.refunds ?? []).flatMap((refund) => (refund ? [refund.amount] : []))
      )
    ),
    lines: (order.items ?? []).flatMap((item) =>
      item ? [{ product_id: item.product_id, quantity: item.quantity, total: item.total }] : []
    ),
  }))
}

/** The order a Medusa payment belongs to (for `payment.refunded`), if any. */
export async function orderIdOfPayment(
  container: MedusaContainer,
  paymentId: string
): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  const payment = data[0] as { payment_collection?: { order?: { id: string } | null } | null }
  return payment?.payment_collection?.order?.id ?? null
}
