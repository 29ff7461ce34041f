import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderFactSources } from "../../../queries/analytics/order-fact-sources"
import { orderFact, type OrderFactInput } from "../../../utils/analytics/order-fact"

/** The orders' current analytics facts (read only: nothing to undo). */
export const loadOrderFactsStep = createStep(
  "analytics-load-order-facts",
  async (input: { order_ids: string[] }, { container }) => {
    const sources = await loadOrderFactSources(container, input.order_ids)
    return new StepResponse<OrderFactInput[]>(sources.map(orderFact))
  }
)
