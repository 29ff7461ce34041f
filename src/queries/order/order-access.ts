import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Actor } from "../../utils/actor"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderStatus } from "../../modules/order-lifecycle/types"
import { loadOrderViews, type OrderView } from "./order-view"

function lifecycleService(container: MedusaContainer) {
  return container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
}

/**
 * One order as `actor` may see it: admins any order, customers their own. Someone else's
 * order is a 404 exactly like an unknown id.
 */
export async function loadOrderFor(
  container: MedusaContainer,
  actor: Actor,
  orderId: string
): Promise<OrderView> {
  const [lifecycle] = await lifecycleService(container).listOrderLifecycles(
    { order_id: orderId },
    { take: 1 }
  )
  const visible =
    lifecycle && (actor.role === "admin" || lifecycle.customer_id === actor.id) ? lifecycle : null
  const [view] = visible ? await loadOrderViews(container, [visible]) : []
  if (!view) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
  }
  return view
}

export type OrderListFilters = { customer_id?: string; status?: OrderStatus }

/** A page of orders, newest first. */
export async function listOrders(
  container: MedusaContainer,
  filters: OrderListFilters,
  page: { limit: number; offset: number }
): Promise<{ items: OrderView[]; count: number }> {
  const selector: Record<string, unknown> = {}
  if (filters.customer_id) {
    selector.customer_id = filters.customer_id
  }
  if (filters.status) {
    selector.status = filters.status
  }
  const [lifecycles, count] = await lifecycleService(container).listAndCountOrderLifecycles(
    selector,
    { order: { created_at: "DESC", id: "DESC" }, skip: page.offset, take: page.limit }
  )
  return { items: await loadOrderViews(container, lifecycles), count }
}
