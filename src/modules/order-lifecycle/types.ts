import type { ORDER_STATUSES } from "./models/order-lifecycle"
import type { STATUS_ACTOR_TYPES } from "./models/order-status-change"

export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type StatusActorType = (typeof STATUS_ACTOR_TYPES)[number]

export type StatusActor = { type: StatusActorType; id: string | null }

export type OrderLifecycleRecord = {
  id: string
  order_id: string
  customer_id: string | null
  status: OrderStatus
  hold_expires_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

export type OrderStatusChangeRecord = {
  id: string
  order_id: string
  from_status: OrderStatus | null
  to_status: OrderStatus
  actor_type: StatusActorType
  actor_id: string | null
  note: string | null
  created_at: Date | string
}
