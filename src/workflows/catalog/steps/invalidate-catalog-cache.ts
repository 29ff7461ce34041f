import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"

function invalidateCatalogCache(container: MedusaContainer): Promise<void> {
  return container.resolve<PlatformModuleService>(PLATFORM_MODULE).invalidateCatalogCache()
}

/**
 * Makes the next catalog read render afresh. Compensation invalidates again: the rows
 * the failed workflow wrote have been put back, and a read in between may have cached them.
 */
export const invalidateCatalogCacheStep = createStep(
  "catalog-invalidate-cache",
  async (_input: void, { container }) => {
    // The category tree is cached under the same generation: its counts follow too.
    await invalidateCatalogCache(container)
    return new StepResponse(undefined, true)
  },
  async (done, { container }) => {
    if (done) {
      await invalidateCatalogCache(container)
    }
  }
)
