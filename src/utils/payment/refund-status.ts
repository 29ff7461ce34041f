import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { OrderStatus } from "../../modules/order-lifecycle/types"
import { canMove } from "../order/status-machine"

/**
 * The status an order's refunds call for, when its status does not say so yet: refunded
 * once everything captured was given back, partially_refunded when part of it was. Null
 * when nothing was refunded, when the status already says so, or when it cannot move
 * there (cancelled and refunded are final).
 */
export function refundStatusToRecord(
  status: OrderStatus,
  captured: BigNumberInput,
  refunded: BigNumberInput
): OrderStatus | null {
  if (MathBN.lte(refunded, 0)) {
    return null
  }
  const to: OrderStatus = MathBN.gte(refunded, captured) ? "refunded" : "partially_refunded"
  return status !== to && canMove(status, to) ? to : null
}
