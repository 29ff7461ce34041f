import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderFactsStep } from "./steps/load-order-facts"
import { writeOrderFactsStep } from "./steps/write-order-facts"

/**
 * Brings the analytics of some orders up to date: reads each order as it is now and
 * rewrites its fact and the rollup hours it touches. Idempotent (the same order read
 * twice writes the same fact), so event redeliveries and the rebuild are harmless.
 */
export const refreshOrderAnalyticsWorkflow = createWorkflow(
  "analytics-refresh-orders",
  (input: { order_ids: string[] }) => {
    const facts = loadOrderFactsStep(input)
    return new WorkflowResponse(writeOrderFactsStep(facts))
  }
)
