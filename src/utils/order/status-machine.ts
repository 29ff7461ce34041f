import { MedusaError } from "@medusajs/framework/utils"
import type { OrderStatus } from "../../modules/order-lifecycle/types"

/**
 * The legal moves of the spec's order status. Forward along pending → paid → processing →
 * shipped → delivered; cancelled before shipping; refunded once money was taken. A partially
 * refunded order (set by the payments' refund, not by hand) can only be refunded in full:
 * it no longer says how far fulfilment got, so it does not move along the chain again.
 * Cancelled and refunded are final.
 */
export const STATUS_MOVES: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ["paid", "cancelled"],
  paid: ["processing", "cancelled", "refunded", "partially_refunded"],
  processing: ["shipped", "cancelled", "refunded", "partially_refunded"],
  shipped: ["delivered", "refunded", "partially_refunded"],
  delivered: ["refunded", "partially_refunded"],
  partially_refunded: ["refunded"],
  cancelled: [],
  refunded: [],
}

/** Statuses an admin may set with PUT /orders/{id}/status (partial refunds go through payments). */
export const ADMIN_SETTABLE_STATUSES = [
  "paid",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
] as const satisfies readonly OrderStatus[]

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return STATUS_MOVES[from].includes(to)
}

/** Statuses in which the customer or an admin may still cancel (nothing shipped yet). */
export function isCancellable(status: OrderStatus): boolean {
  return canMove(status, "cancelled")
}

/** 409 for a status an admin cannot set by hand (pending, partially_refunded). */
export function assertSettableByAdmin(status: OrderStatus): void {
  if (!(ADMIN_SETTABLE_STATUSES as readonly OrderStatus[]).includes(status)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `An order cannot be set to ${status} by hand` +
        (status === "partially_refunded" ? ": refund part of its payment instead" : "")
    )
  }
}
