import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import { PURCHASE_STATUSES } from "../../utils/order/purchase"
import { queryGraph } from "../graph"

/**
 * Which of `productIds` the customer has bought: a line item in one of their orders that
 * is paid or later and neither cancelled nor fully refunded (PURCHASE_STATUSES). Two
 * indexed reads: the customer's purchased orders from the order lifecycle, then those
 * orders' lines of these products.
 */
export async function purchasedProducts(
  container: MedusaContainer,
  customerId: string,
  productIds: string[]
): Promise<Set<string>> {
  if (!productIds.length) {
    return new Set()
  }
  const lifecycles = await container
    .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    .listOrderLifecycles(
      { customer_id: customerId, status: [...PURCHASE_STATUSES] },
      { select: ["order_id"] }
    )
  if (!lifecycles.length) {
    return new Set()
  }
  const { data } = await queryGraph<{ items?: ({ product_id?: string | null } | null)[] }>(
    container,
    {
      entity: "order",
      fields: ["id", "items.product_id"],
      filters: {
        id: lifecycles.map((lifecycle) => lifecycle.order_id),
        items: { product_id: productIds },
      },
    }
  )
  const wanted = new Set(productIds)
  // The nested filter narrows the orders; the items are checked again here so the answer
  // never depends on how the filter joins.
  return new Set(
    data.flatMap((order) =>
      (order.items ?? []).flatMap((item) =>
        item?.product_id && wanted.has(item.product_id) ? [item.product_id] : []
      )
    )
  )
}
