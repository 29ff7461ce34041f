import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rebuildRollupsStep } from "./steps/rebuild-rollups"

/** The last part of a rebuild (src/tasks/analytics/rebuild.ts): rollups from the facts. */
export const rebuildAnalyticsRollupsWorkflow = createWorkflow(
  "analytics-rebuild-rollups",
  (input: { stale_before: string | null }) => new WorkflowResponse(rebuildRollupsStep(input))
)
