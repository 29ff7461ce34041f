import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"

function invalidateShippingCache(container: MedusaContainer): Promise<void> {
  return container.resolve<PlatformModuleService>(PLATFORM_MODULE).invalidateShippingCache()
}

/**
 * Makes the next checkout list the sales channels' shipping options afresh
 * (src/queries/order/shipping-option-listing.ts). Compensation invalidates again: a
 * checkout in between may have cached what the failed workflow had changed.
 */
export const invalidateShippingCacheStep = createStep(
  "order-invalidate-shipping-cache",
  async (_input: void, { container }) => {
    await invalidateShippingCache(container)
    return new StepResponse(undefined, true)
  },
  async (done, { container }) => {
    if (done) {
      await invalidateShippingCache(container)
    }
  }
)
