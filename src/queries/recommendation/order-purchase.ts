import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderStatus } from "../../modules/order-lifecycle/types"
import type { OrderPurchase } from "../../modules/recommendation/types"
import { recommendationSettings } from "../../config/recommendations"
import { orderPurchase } from "../../utils/recommendations/purchase"
import { queryGraph } from "../graph"

type OrderRow = {
  id: string
  customer_id: string | null
  created_at: string | Date
  items?: ({ product_id: string | null } | null)[]
}

/**
 * What an order contributes to the recommendations now: its distinct products and
 * whether its engine status counts as a purchase. Undefined for an unknown order.
 */
export async function loadOrderPurchase(
  container: MedusaContainer,
  orderId: string
): Promise<OrderPurchase | undefined> {
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const [{ data }, [lifecycle]] = await Promise.all([
    queryGraph<OrderRow>(container, {
      entity: "order",
      fields: ["id", "customer_id", "created_at", "items.product_id"],
      filters: { id: orderId },
    }),
    lifecycles.listOrderLifecycles({ order_id: orderId }, { select: ["status"], take: 1 }),
  ])
  const order = data[0]
  if (!order) {
    return undefined
  }
  return orderPurchase({
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    status: (lifecycle?.status as OrderStatus | undefined) ?? null,
    product_ids: (order.items ?? []).map((item) => item?.product_id),
    ordered_at: new Date(order.created_at).toISOString(),
    max_pair_products: recommendationSettings().maxPairProducts,
  })
}
