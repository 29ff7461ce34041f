import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import { inRollupLane } from "../../../utils/analytics/rollup-lane"

/**
 * Recomputes every rollup from the order facts, dropping facts of orders the rebuild did
 * not see. No compensation: the result is right whenever it runs (a function of the
 * facts), and it is the last step of its workflow.
 */
export const rebuildRollupsStep = createStep(
  "analytics-rebuild-rollups",
  async (input: { stale_before: string | null }, { container }) => {
    const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
    await inRollupLane(() =>
      analytics.rebuildRollups(input.stale_before ? new Date(input.stale_before) : null)
    )
    return new StepResponse(true)
  }
)
