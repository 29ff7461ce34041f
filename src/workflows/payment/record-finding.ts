import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordFindingStep, type FindingInput } from "./steps/record-finding"

/** Records what the reconciliation job found (one row per kind and order). */
export const recordFindingWorkflow = createWorkflow(
  "payment-record-finding",
  (input: FindingInput) => new WorkflowResponse(recordFindingStep(input))
)
