import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"

/**
 * Makes the next recommendation reads render afresh when the counts changed. No
 * compensation: this is the last step, and an extra invalidation is only a re-render.
 */
export const invalidateRecommendationsStep = createStep(
  "recommendation-invalidate-cache",
  async (changed: boolean, { container }) => {
    if (changed) {
      await container
        .resolve<PlatformModuleService>(PLATFORM_MODULE)
        .invalidateRecommendationCache()
    }
    return new StepResponse(changed)
  }
)
