import type { OrderStatus, OrderStatusChangeRecord, StatusActorType } from "./types"

/** Events of the order lifecycle (for notifications and live order-status pushes). */
export const OrderLifecycleEvents = {
  STATUS_CHANGED: "order.status_changed",
} as const

export type OrderStatusChangedData = {
  id: string
  order_id: string
  customer_id: string | null
  from: OrderStatus | null
  to: OrderStatus
  actor_type: StatusActorType
  actor_id: string | null
  note: string | null
}

/** The `order.status_changed` payload of a recorded change. */
export function statusChangedData(
  change: OrderStatusChangeRecord,
  customerId: string | null
): OrderStatusChangedData {
  return {
    id: change.id,
    order_id: change.order_id,
    customer_id: customerId,
    from: change.from_status,
    to: change.to_status,
    actor_type: change.actor_type,
    actor_id: change.actor_id,
    note: change.note,
  }
}
