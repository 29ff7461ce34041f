import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateEntityId } from "@medusajs/framework/utils"

export type PlanOrderLineIdsInput = { cart_line_ids: string[] }

/** The prefix of Medusa's order line item ids (the order module's OrderLineItem model). */
const ORDER_LINE_PREFIX = "ordli"

/**
 * The ids the order's lines will have, one per cart line, chosen before anything is
 * written: the stock is reserved first (under the inventory locks) and each reservation
 * names its order line from the start, so nothing has to point the reservations at the
 * order afterwards. The order module keeps ids it is given. Writes nothing; as a step, the
 * ids are recorded with the workflow's progress and stay the same if it resumes.
 */
export const planOrderLineIdsStep = createStep(
  "order-plan-order-line-ids",
  async (input: PlanOrderLineIdsInput) =>
    new StepResponse<Record<string, string>>(
      Object.fromEntries(
        input.cart_line_ids.map((lineId) => [
          lineId,
          generateEntityId(undefined, ORDER_LINE_PREFIX),
        ])
      )
    )
)
