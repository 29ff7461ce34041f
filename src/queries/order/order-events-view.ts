import { z } from "@medusajs/framework/zod"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Actor } from "../../utils/actor"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import { ORDER_STATUSES } from "../../modules/order-lifecycle/models/order-lifecycle"
import { STATUS_ACTOR_TYPES } from "../../modules/order-lifecycle/models/order-status-change"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { HistoryFeedEntry } from "../../modules/order-lifecycle/service"
import type { OrderStatus } from "../../modules/order-lifecycle/types"
import { ATTEMPT_STATUSES } from "../../modules/payment-ledger/models/payment-attempt"
import type { PaymentAttemptUpdatedData } from "../../modules/payment-ledger/events"

/**
 * The live order stream (docs/LIVE-UPDATES.md): who may watch which orders, the events it
 * carries, and the history it replays. The stream's position is the status history's
 * `seq`; payment outcomes ride along without one.
 */

/** `order.status_changed`: one entry of an order's status history; its `id` is the stream position. */
export const orderStatusEvent = z.object({
  id: z.string(),
  order_id: z.string(),
  user_id: z.string().nullable(),
  from: z.enum(ORDER_STATUSES).nullable(),
  to: z.enum(ORDER_STATUSES),
  actor_type: z.enum(STATUS_ACTOR_TYPES),
  note: z.string().nullable(),
  at: z.string(),
})

/** `order.payment_updated`: a payment attempt's new outcome (not replayed on resume). */
export const orderPaymentEvent = z.object({
  order_id: z.string(),
  user_id: z.string().nullable(),
  payment_id: z.string(),
  status: z.enum(ATTEMPT_STATUSES),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
  at: z.string(),
})

/** `stream.reset`: the client is further behind than a resume replays; it should reload. */
export const streamResetEvent = z.object({ reason: z.literal("too_far_behind"), id: z.string() })

export type OrderStatusEvent = z.infer<typeof orderStatusEvent>
export type OrderPaymentEvent = z.infer<typeof orderPaymentEvent>

export const LIVE_ORDER_EVENT_TYPES = {
  STATUS: "order.status_changed",
  PAYMENT: "order.payment_updated",
  RESET: "stream.reset",
} as const

/** The live topic carrying order notices between processes (platform module fan-out). */
export const LIVE_ORDERS_TOPIC = "orders"

/**
 * What crosses processes: that something happened to an order. Status changes are read
 * back from the history (in `seq` order, so nothing is skipped or reordered); payment
 * outcomes carry their event.
 */
export type LiveOrderNotice =
  | { kind: "status"; order_id: string; customer_id: string | null; to: OrderStatus }
  | { kind: "payment"; event: OrderPaymentEvent }

/** Which orders a stream shows: fixed for a customer (their own), filters for an admin. */
export type LiveOrderScope = {
  order_id?: string
  customer_id?: string
  status?: OrderStatus
}

export type LiveScopeRequest = {
  /** `/orders/{id}/events`: this order only (404 unless the caller may see it). */
  order_id?: string
  /** Admins only: one customer's orders. */
  user_id?: string
  /** Only moves to this status (payment outcomes are then left out). */
  status?: OrderStatus
}

function lifecycles(container: MedusaContainer): OrderLifecycleModuleService {
  return container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
}

/**
 * The scope of a stream `actor` asks for. A customer sees only their own orders, whatever
 * the filters; one order that is not theirs (or unknown) is a 404, as on GET /orders/{id}.
 */
export async function resolveLiveScope(
  container: MedusaContainer,
  actor: Actor,
  request: LiveScopeRequest
): Promise<LiveOrderScope> {
  const customerId = actor.role === "admin" ? request.user_id : actor.id
  if (request.order_id) {
    const [lifecycle] = await lifecycles(container).listOrderLifecycles(
      { order_id: request.order_id },
      { take: 1, select: ["customer_id"] }
    )
    if (!lifecycle || (customerId !== undefined && lifecycle.customer_id !== customerId)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${request.order_id} was not found`)
    }
  }
  return { order_id: request.order_id, customer_id: customerId, status: request.status }
}

/** Whether a notice concerns a stream of this scope. */
export function noticeInScope(scope: LiveOrderScope, notice: LiveOrderNotice): boolean {
  const subject =
    notice.kind === "status"
      ? { order_id: notice.order_id, customer_id: notice.customer_id }
      : { order_id: notice.event.order_id, customer_id: notice.event.user_id }
  if (scope.order_id && subject.order_id !== scope.order_id) {
    return false
  }
  if (scope.customer_id && subject.customer_id !== scope.customer_id) {
    return false
  }
  if (scope.status) {
    return notice.kind === "status" && notice.to === scope.status
  }
  return true
}

function statusEvent(entry: HistoryFeedEntry): OrderStatusEvent {
  return {
    id: String(entry.seq),
    order_id: entry.order_id,
    user_id: entry.customer_id,
    from: entry.from_status,
    to: entry.to_status,
    actor_type: entry.actor_type,
    note: entry.note,
    at: new Date(entry.created_at).toISOString(),
  }
}

/**
 * The scope's status events after position `after`, oldest first, at most `limit` (and
 * whether more are waiting).
 */
export async function readOrderStatusEvents(
  container: MedusaContainer,
  scope: LiveOrderScope,
  after: number,
  limit: number
): Promise<{ events: OrderStatusEvent[]; more: boolean }> {
  const entries = await lifecycles(container).listHistoryFeed({
    after,
    order_id: scope.order_id,
    customer_id: scope.customer_id,
    to_status: scope.status,
    limit: limit + 1,
  })
  return { events: entries.slice(0, limit).map(statusEvent), more: entries.length > limit }
}

/** The newest stream position (where a stream without `Last-Event-ID` starts). */
export function latestOrderEventPosition(container: MedusaContainer): Promise<number> {
  return lifecycles(container).latestHistorySeq()
}

/** The live payment event of a recorded attempt outcome. */
export function paymentEventOf(
  data: PaymentAttemptUpdatedData,
  at = new Date()
): OrderPaymentEvent {
  return {
    order_id: data.order_id,
    user_id: data.customer_id,
    payment_id: data.id,
    status: data.status,
    failure_code: data.failure_code,
    failure_message: data.failure_message,
    at: at.toISOString(),
  }
}
