import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { assertSettableByAdmin, canMove } from "../../../utils/order/status-machine"
import type { OrderLifecycleRecord, OrderStatus } from "../../../modules/order-lifecycle/types"

/**
 * 409 unless the order may move from its current status to `to` (and is still in
 * `only_from` when given, and `to` is one an admin may set when `by_admin`). Runs after
 * the order was loaded, so an unknown order is a 404 whatever the target. Reads only.
 */
export const ensureStatusMoveStep = createStep(
  "order-ensure-status-move",
  async (input: {
    lifecycle: OrderLifecycleRecord
    to: OrderStatus
    only_from?: OrderStatus
    by_admin?: boolean
  }) => {
    if (input.by_admin) {
      assertSettableByAdmin(input.to)
    }
    const from = input.lifecycle.status
    if (!canMove(from, input.to) || (input.only_from && from !== input.only_from)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${input.lifecycle.order_id} cannot move from ${from} to ${input.to}`
      )
    }
    return new StepResponse(from)
  }
)
