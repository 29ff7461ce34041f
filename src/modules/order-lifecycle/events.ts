import type { OrderStatus, StatusActorType } from "./types"

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
