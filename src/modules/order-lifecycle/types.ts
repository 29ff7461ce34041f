import type { InferTypeOf } from "@medusajs/framework/types"
import type { ORDER_STATUSES, OrderLifecycle } from "./models/order-lifecycle"
import type { OrderStatusChange, STATUS_ACTOR_TYPES } from "./models/order-status-change"

export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type StatusActorType = (typeof STATUS_ACTOR_TYPES)[number]

export type StatusActor = { type: StatusActorType; id: string | null }

/** What the generated service methods (listOrderLifecycles, createOrderStatusChanges, …) return. */
export type OrderLifecycleRecord = InferTypeOf<typeof OrderLifecycle>
export type OrderStatusChangeRecord = InferTypeOf<typeof OrderStatusChange>
